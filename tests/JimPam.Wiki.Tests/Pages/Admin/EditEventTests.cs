using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using JimPam.Wiki.Tests.Pages.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Pages.Admin;

/// <summary>Editing a paragraph of the story: each test has its own app and database, and an editor logged in.</summary>
[Trait("Engine", "Any")]
public sealed class EditEventTests : EditorTestBase
{
    private int _eventId;
    private string _editUrl = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var season = await Pam.GetPageAsync("/seasons/5");
        _editUrl = season.QuerySelector(".event .edit-links a")!.GetAttribute("href")!;
        _eventId = int.Parse(_editUrl.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task An_editor_saves_a_paragraph_and_readers_see_it_on_the_next_read_with_its_citations_and_history()
    {
        var form = await Pam.GetPageAsync(_editUrl);
        Assert.Equal("1", form.QuerySelector("input[name='Form.BaseRevision']")!.GetAttribute("value"));

        using var saved = await Pam.SubmitAsync(_editUrl, new Dictionary<string, string>
        {
            ["Form.Body"] = "Pam and Jim remember the [[Pilot]] together.",
            ["Form.Summary"] = "Shorter",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/seasons/5#event-{_eventId}", saved.Headers.Location!.OriginalString);
        var (_, season) = await App.GetPageAsync("/seasons/5");
        var paragraph = season.QuerySelector($"#event-{_eventId}")!;
        Assert.Equal("Pam and Jim remember the Pilot together.", paragraph.TextContent.Trim());
        Assert.Equal("/episodes/pilot", paragraph.QuerySelector("a")!.GetAttribute("href"));
        var (_, pilot) = await App.GetPageAsync("/episodes/pilot");
        Assert.Contains("Pam and Jim remember the Pilot together.", pilot.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var (_, history) = await App.GetPageAsync($"/history/event/{_eventId}");
        var revisions = history.QuerySelectorAll(".revisions li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, revisions.Count);
        Assert.Contains("Revision 2", revisions[0], StringComparison.Ordinal);
        Assert.Contains("by pam: Shorter", revisions[0], StringComparison.Ordinal);
        Assert.Contains("by import: Imported from the source article", revisions[1], StringComparison.Ordinal);

        var (_, diff) = await App.GetPageAsync($"/history/event/{_eventId}?from=1&to=2");
        Assert.Contains("Pilot", string.Concat(diff.QuerySelectorAll(".diff-text ins").Select(i => i.TextContent)), StringComparison.Ordinal);
        Assert.NotEmpty(diff.QuerySelectorAll(".diff-text del"));
        Assert.Contains("[deleted: ", diff.QuerySelector(".diff-text del")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readers_see_no_edit_links_and_anonymous_edits_are_refused()
    {
        var (_, season) = await App.GetPageAsync("/seasons/5");
        Assert.Empty(season.QuerySelectorAll(".edit-links"));

        using var reader = new EditorSession(App);
        using var view = await reader.Client.GetAsync(new Uri(_editUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, view.StatusCode);
        using var post = await reader.Client.PostAsync(new Uri(_editUrl, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Body"] = "Vandalised.", ["Form.BaseRevision"] = "1" }));
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(1, await RevisionOfAsync());
    }

    [Fact]
    public async Task A_save_without_the_antiforgery_token_gets_400_and_changes_nothing()
    {
        using var post = await Pam.Client.PostAsync(new Uri(_editUrl, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Body"] = "Forged.", ["Form.BaseRevision"] = "1" }));

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(1, await RevisionOfAsync());
    }

    [Fact]
    public async Task A_text_that_is_too_long_is_refused_next_to_the_field_and_the_typed_text_is_kept()
    {
        var typed = "Jim and Pam. " + new string('x', 20_000);

        using var response = await Pam.SubmitAsync(_editUrl, new Dictionary<string, string> { ["Form.Body"] = typed });
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The text is too long: at most 20,000 characters.", page.QuerySelector("#body-error")!.TextContent.Trim());
        Assert.Equal(typed, page.QuerySelector("textarea[name='Form.Body']")!.TextContent.TrimStart('\n'));
        Assert.Equal(1, await RevisionOfAsync());
    }

    [Fact]
    public async Task Preview_renders_the_page_s_html_lists_broken_links_and_saves_nothing()
    {
        using var response = await Pam.SubmitAsync(_editUrl, new Dictionary<string, string> { ["Form.Body"] = "They watch [[The Dundies]] and [[The Dundys]]." }, button: "Preview");
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal("/episodes/the-dundies", page.QuerySelector(".preview a")!.GetAttribute("href"));
        Assert.Equal(["[[The Dundys]]"], page.QuerySelectorAll(".broken-links code").Select(c => c.TextContent));
        Assert.Equal("They watch [[The Dundies]] and [[The Dundys]].", page.QuerySelector("textarea[name='Form.Body']")!.TextContent.Trim());
        Assert.Equal(_editUrl, page.QuerySelector("main form")!.GetAttribute("action"));
        Assert.Equal(1, await RevisionOfAsync());
    }

    public static TheoryData<string> Payloads =>
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "<javascript:alert(1)>",
        "[x](JaVaScRiPt:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "<svg><script>alert(1)</script></svg>",
        "<svg onload=alert(1)>",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](javascript:alert(1))",
        "[[<img src=x onerror=alert(1)>]]",
        "[[Pilot|<script>alert(1)</script>]]",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task A_script_payload_renders_inert_in_the_preview_and_on_the_page(string payload)
    {
        using var preview = await Pam.SubmitAsync(_editUrl, new Dictionary<string, string> { ["Form.Body"] = payload }, button: "Preview");
        AssertInert(new HtmlParser().ParseDocument(await preview.Content.ReadAsStringAsync()).QuerySelector(".preview")!);

        using var saved = await Pam.SubmitAsync(_editUrl, new Dictionary<string, string> { ["Form.Body"] = payload });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, season) = await App.GetPageAsync("/seasons/5");
        AssertInert(season.QuerySelector($"#event-{_eventId}")!);
    }

    [Fact]
    public async Task Two_editors_save_the_same_paragraph_and_the_second_gets_the_conflict_page_with_both_texts()
    {
        using var jim = await LogInJimAsync();
        var jimsForm = await jim.GetPageAsync(_editUrl);

        (await Pam.SubmitAsync(_editUrl, new Dictionary<string, string> { ["Form.Body"] = "Pam's version of the paragraph." })).Dispose();
        using var conflict = await jim.PostFormAsync(jimsForm, new Dictionary<string, string> { ["Form.Body"] = "Jim's version of the paragraph." });
        var page = new HtmlParser().ParseDocument(await conflict.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("Someone saved this paragraph while you were editing", page.QuerySelector(".conflict h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Pam's version of the paragraph.", page.QuerySelector(".conflict .preview")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Revision 2 by pam", page.QuerySelector(".conflict [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Jim's version of the paragraph.", page.QuerySelector("textarea[name='Form.Body']")!.TextContent.Trim());
        Assert.Equal("2", page.QuerySelector("input[name='Form.BaseRevision']")!.GetAttribute("value"));
        Assert.Contains("Pam's", string.Concat(page.QuerySelectorAll(".conflict .diff-text del").Select(d => d.TextContent)), StringComparison.Ordinal);
        Assert.Contains("Jim's", string.Concat(page.QuerySelectorAll(".conflict .diff-text ins").Select(d => d.TextContent)), StringComparison.Ordinal);
        Assert.Equal(2, await RevisionOfAsync());

        // Having seen Pam's text, Jim saves the conflict page's form on purpose: a third revision, and Pam's stays in the history.
        using var again = await jim.PostFormAsync(page, new Dictionary<string, string> { ["Form.Body"] = "Jim's version, after reading Pam's." });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(3, await RevisionOfAsync());
        var (_, history) = await App.GetPageAsync($"/history/event/{_eventId}");
        Assert.Equal(["jim", "pam", "import"], history.QuerySelectorAll(".revisions .author").Select(a => a.TextContent));
    }

    [Fact]
    public async Task A_hundred_saves_racing_from_the_same_base_leave_one_revision_and_ninety_nine_conflicts()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(async n =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            var writer = scope.ServiceProvider.GetRequiredService<EntryWriter>();
            return await writer.SaveEventAsync(new EventEdit(_eventId, 1, $"Racing save number {n}.", ""), "racer", CancellationToken.None);
        }));

        Assert.Single(results.OfType<EntrySaveResult.Saved>());
        Assert.Equal(99, results.OfType<EntrySaveResult.Conflict>().Count());
        await using var check = App.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<WikiDbContext>();
        Assert.Equal(2, await db.Revisions.CountAsync(r => r.EntityType == Revision.EventType && r.EntityId == _eventId));
        var current = await db.Events.SingleAsync(e => e.Id == _eventId);
        Assert.Equal(2, current.Revision);
        Assert.StartsWith("Racing save number ", current.BodyMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_editors_changing_different_paragraphs_are_merged_and_both_changes_are_kept()
    {
        (await Pam.SubmitAsync(_editUrl, new Dictionary<string, string> { ["Form.Body"] = "First paragraph.\r\n\r\nSecond paragraph.\r\n\r\nThird paragraph." })).Dispose();
        using var jim = await LogInJimAsync();
        var jimsForm = await jim.GetPageAsync(_editUrl);
        var pamsForm = await Pam.GetPageAsync(_editUrl);

        using var pams = await Post(Pam, pamsForm, "First paragraph, as Pam wrote it.\r\n\r\nSecond paragraph.\r\n\r\nThird paragraph.", "Pam's change");
        using var jims = await Post(jim, jimsForm, "First paragraph.\r\n\r\nSecond paragraph.\r\n\r\nThird paragraph, as Jim wrote it.", "Jim's change");

        Assert.Equal(HttpStatusCode.Redirect, pams.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, jims.StatusCode);
        var (_, season) = await App.GetPageAsync("/seasons/5");
        Assert.Equal(
            ["First paragraph, as Pam wrote it.", "Second paragraph.", "Third paragraph, as Jim wrote it."],
            season.QuerySelectorAll($"#event-{_eventId} p").Select(p => p.TextContent.Trim()));
        var (_, history) = await App.GetPageAsync($"/history/event/{_eventId}");
        Assert.Equal("Jim's change (merged with revision 3)", history.QuerySelector(".revisions .summary")!.TextContent);
    }

    [Fact]
    public async Task An_editor_reverts_to_the_imported_revision_from_the_history_and_the_revert_is_a_new_revision()
    {
        var original = (await App.GetPageAsync("/seasons/5")).Document.QuerySelector($"#event-{_eventId}")!.TextContent.Trim();
        (await Pam.SubmitAsync(_editUrl, new Dictionary<string, string> { ["Form.Body"] = "A bad edit." })).Dispose();

        using var reverted = await Pam.SubmitAsync($"/history/event/{_eventId}", new Dictionary<string, string> { ["ToRevision"] = "1" }, formSelector: "form.wiki-form");

        Assert.Equal(HttpStatusCode.Redirect, reverted.StatusCode);
        Assert.Equal($"/history/event/{_eventId}", reverted.Headers.Location!.OriginalString);
        var (_, season) = await App.GetPageAsync("/seasons/5");
        Assert.Equal(original, season.QuerySelector($"#event-{_eventId}")!.TextContent.Trim());
        var history = await Pam.GetPageAsync($"/history/event/{_eventId}");
        Assert.Equal(["Reverted to revision 1", "Imported from the source article"], history.QuerySelectorAll(".revisions .summary").Select(s => s.TextContent));
        Assert.Equal(3, await RevisionOfAsync());
    }

    [Fact]
    public async Task A_revert_from_a_stale_history_page_is_refused_and_reverts_nothing()
    {
        var staleHistory = await Pam.GetPageAsync($"/history/event/{_eventId}");
        (await Pam.SubmitAsync(_editUrl, new Dictionary<string, string> { ["Form.Body"] = "A second revision." })).Dispose();
        var values = staleHistory.QuerySelectorAll("form.wiki-form input").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        values["ToRevision"] = "1";
        values["__RequestVerificationToken"] = (await Pam.GetPageAsync($"/history/event/{_eventId}")).QuerySelector("form.wiki-form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        // The stale page had no revert form yet (one revision); build the post it would have made from revision 1.
        values["BaseRevision"] = "1";
        using var refused = await Pam.Client.PostAsync(new Uri($"/admin/event/{_eventId}/revert", UriKind.Relative), new FormUrlEncodedContent(values));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Nothing was reverted", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await RevisionOfAsync());
        Assert.Empty(staleHistory.QuerySelectorAll("form.wiki-form"));
    }

    [Fact]
    public async Task A_deleted_paragraph_leaves_the_season_and_its_citations_and_is_restored_from_its_history()
    {
        (await Pam.SubmitAsync(_editUrl, new Dictionary<string, string> { ["Form.Body"] = "They remember the [[Pilot]]." })).Dispose();
        var (_, before) = await App.GetPageAsync("/seasons/5");
        const string cited = "/episodes/pilot";
        Assert.NotEmpty((await App.GetPageAsync(cited)).Document.QuerySelectorAll($"a[href$='#event-{_eventId}']"));

        using var deleted = await Pam.SubmitAsync(_editUrl, new Dictionary<string, string> { ["Form.Summary"] = "Duplicate" }, button: "Delete this paragraph");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var (_, season) = await App.GetPageAsync("/seasons/5");
        Assert.Null(season.QuerySelector($"#event-{_eventId}"));
        var (_, episode) = await App.GetPageAsync(cited);
        Assert.Empty(episode.QuerySelectorAll($"a[href$='#event-{_eventId}']"));
        var history = await Pam.GetPageAsync($"/history/event/{_eventId}");
        Assert.Contains("This entry is deleted.", history.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Restore this revision", history.QuerySelector("form.wiki-form button")!.TextContent.Trim());

        using var restored = await Pam.SubmitAsync($"/history/event/{_eventId}", new Dictionary<string, string> { ["ToRevision"] = "2" }, formSelector: "form.wiki-form");

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var (_, after) = await App.GetPageAsync("/seasons/5");
        Assert.Equal(before.QuerySelector($"#event-{_eventId}")!.TextContent, after.QuerySelector($"#event-{_eventId}")!.TextContent);
        var (_, episodeAfter) = await App.GetPageAsync(cited);
        Assert.NotEmpty(episodeAfter.QuerySelectorAll($"a[href$='#event-{_eventId}']"));
        var summaries = (await Pam.GetPageAsync($"/history/event/{_eventId}")).QuerySelectorAll(".revisions .summary").Select(s => s.TextContent);
        Assert.Equal(["Restored revision 2", "Duplicate", "Imported from the source article"], summaries);
    }

    [Fact]
    public async Task A_hundred_saves_racing_to_change_different_paragraphs_all_land_merged()
    {
        var paragraphs = Enumerable.Range(0, 100).Select(n => $"Paragraph {n}.").ToList();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<EntryWriter>().SaveEventAsync(new EventEdit(_eventId, 1, string.Join("\n\n", paragraphs), ""), "setup", CancellationToken.None);
            Assert.IsType<EntrySaveResult.Saved>(result);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(async n =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            var mine = paragraphs.Select((p, i) => i == n ? $"Paragraph {n}, changed by racer {n}." : p);
            return await scope.ServiceProvider.GetRequiredService<EntryWriter>().SaveEventAsync(new EventEdit(_eventId, 2, string.Join("\n\n", mine), $"racer {n}"), $"racer{n}", CancellationToken.None);
        }));

        // Every save is a revision: one from the current base, the rest merged with whatever had landed before them.
        var saved = results.OfType<EntrySaveResult.Saved>().ToList();
        Assert.Equal(100, saved.Count);
        Assert.Equal(99, saved.Count(s => s.MergedWith is not null));
        await using var check = App.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<WikiDbContext>();
        Assert.Equal(102, await db.Revisions.CountAsync(r => r.EntityType == Revision.EventType && r.EntityId == _eventId));
        var body = (await db.Events.SingleAsync(e => e.Id == _eventId)).BodyMarkdown;
        Assert.Equal(Enumerable.Range(0, 100).Select(n => $"Paragraph {n}, changed by racer {n}."), body.Split("\n\n"));
    }

    [Fact]
    public async Task An_editor_moves_a_paragraph_to_another_season_and_both_seasons_stay_in_order()
    {
        var season5Before = await EventOrderAsync(5);
        var season6Before = await EventOrderAsync(6);

        using var moved = await Pam.SubmitAsync(_editUrl, new Dictionary<string, string> { ["Form.Season"] = "6", ["Form.Position"] = "2", ["Form.Summary"] = "Belongs to Season 6" });

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal($"/seasons/6#event-{_eventId}", moved.Headers.Location!.OriginalString);
        Assert.Equal(season5Before.Where(id => id != _eventId), await EventOrderAsync(5));
        Assert.Equal(season6Before.Take(1).Append(_eventId).Concat(season6Before.Skip(1)), await EventOrderAsync(6));
        var (_, season6) = await App.GetPageAsync("/seasons/6");
        Assert.Equal(_eventId.ToString(System.Globalization.CultureInfo.InvariantCulture), season6.QuerySelectorAll(".event")[1].Id!["event-".Length..]);

        // Reverting the move puts it back where it was.
        using var reverted = await Pam.SubmitAsync($"/history/event/{_eventId}", new Dictionary<string, string> { ["ToRevision"] = "1" }, formSelector: "form.wiki-form");
        Assert.Equal(HttpStatusCode.Redirect, reverted.StatusCode);
        Assert.Equal(season5Before, await EventOrderAsync(5));
        Assert.Equal(season6Before, await EventOrderAsync(6));
    }

    [Fact]
    public async Task A_move_to_a_season_that_does_not_exist_is_refused_next_to_the_field()
    {
        using var response = await Pam.SubmitAsync(_editUrl, new Dictionary<string, string> { ["Form.Season"] = "12" });
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal("There is no Season 12.", page.QuerySelector("#season-error")!.TextContent.Trim());
        Assert.Equal(1, await RevisionOfAsync());
    }

    [Fact]
    public async Task An_editor_adds_a_paragraph_at_the_top_of_a_season_with_its_citations_and_history()
    {
        var before = await EventOrderAsync(5);
        var form = (await Pam.GetPageAsync("/seasons/5")).QuerySelectorAll("a").Single(a => a.TextContent == "Add a paragraph to Season 5").GetAttribute("href")!;

        using var added = await Pam.SubmitAsync(form, new Dictionary<string, string> { ["Form.Position"] = "1", ["Form.Body"] = "A new first paragraph citing [[Weight Loss]]." });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var after = await EventOrderAsync(5);
        Assert.Equal(before, after.Skip(1));
        var newId = after[0];
        var (_, season) = await App.GetPageAsync("/seasons/5");
        Assert.Equal("A new first paragraph citing Weight Loss.", season.QuerySelector(".event")!.TextContent.Trim());
        var (_, episode) = await App.GetPageAsync("/episodes/weight-loss");
        Assert.NotEmpty(episode.QuerySelectorAll($"a[href$='#event-{newId}']"));
        var (_, history) = await App.GetPageAsync($"/history/event/{newId}");
        Assert.Equal("Created", history.QuerySelector(".revisions .summary")!.TextContent);
    }

    private async Task<List<int>> EventOrderAsync(int season)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
        var events = await db.Events.Where(e => e.Season.Number == season).OrderBy(e => e.Order).Select(e => new { e.Id, e.Order }).ToListAsync();
        Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e.Order));
        return [.. events.Select(e => e.Id)];
    }

    private static Task<HttpResponseMessage> Post(EditorSession editor, AngleSharp.Html.Dom.IHtmlDocument form, string body, string summary) =>
        editor.PostFormAsync(form, new Dictionary<string, string> { ["Form.Body"] = body, ["Form.Summary"] = summary });

    private async Task<int> RevisionOfAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
        return await db.Events.Where(e => e.Id == _eventId).Select(e => e.Revision).SingleAsync();
    }

    private static void AssertInert(IElement rendered)
    {
        Assert.Empty(rendered.QuerySelectorAll("script, iframe, object, embed, svg, style"));
        foreach (var element in rendered.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            foreach (var url in new[] { element.GetAttribute("href"), element.GetAttribute("src") }.OfType<string>())
            {
                var scheme = url.Trim().ToLowerInvariant();
                Assert.False(scheme.StartsWith("javascript:", StringComparison.Ordinal) || scheme.StartsWith("data:", StringComparison.Ordinal) || scheme.StartsWith("vbscript:", StringComparison.Ordinal), url);
            }
        }
    }
}
