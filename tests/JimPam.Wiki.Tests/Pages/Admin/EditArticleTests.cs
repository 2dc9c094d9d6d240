using System.Net;
using AngleSharp.Html.Parser;
using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Pages.Admin;

/// <summary>Editing the article's own fields, the season summaries and the recurring jokes; each test has its own app and database.</summary>
[Trait("Engine", "Any")]
public sealed class EditArticleTests : EditorTestBase
{

    [Fact]
    public async Task An_editor_changes_the_intro_and_status_and_readers_see_them_with_a_working_link_and_a_history()
    {
        var editUrl = (await Pam.GetPageAsync("/")).QuerySelector("h1 + .edit-links a")!.GetAttribute("href")!;
        var form = await Pam.GetPageAsync(editUrl);
        var intro = form.QuerySelector("textarea[name='Form.Intro']")!.TextContent.TrimStart('\n');

        using var saved = await Pam.SubmitAsync(editUrl, new Dictionary<string, string>
        {
            ["Form.Intro"] = intro + "\n\nThey first kiss in [[Casino Night]].",
            ["Form.Status"] = "Married, with two children",
            ["Form.Summary"] = "A line about the first kiss",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, home) = await App.GetPageAsync("/");
        Assert.Contains(home.QuerySelectorAll("a.citation"), a => a.GetAttribute("href") == "/episodes/casino-night" && a.TextContent == "Casino Night");
        Assert.Contains("Married, with two children", home.QuerySelector(".infobox")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Last edited by pam", home.QuerySelector(".last-edited")!.TextContent, StringComparison.Ordinal);
        var (_, diff) = await App.GetPageAsync(home.QuerySelector(".last-edited a")!.GetAttribute("href") + "?from=1&to=2");
        Assert.Equal(["Status", "Intro"], diff.QuerySelectorAll(".diff-field").Select(h => h.TextContent));
    }

    [Fact]
    public async Task Unknown_members_and_epigraph_episodes_are_refused_next_to_their_fields()
    {
        var editUrl = (await Pam.GetPageAsync("/")).QuerySelector("h1 + .edit-links a")!.GetAttribute("href")!;

        using var response = await Pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Members"] = "Jim Halpert\nNobody Atall" });
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("“Nobody Atall” is not a character of the wiki; add the character first.", page.QuerySelector("#members-error")!.TextContent.Trim());
        Assert.Equal("Jim Halpert\nNobody Atall", page.QuerySelector("textarea[name='Form.Members']")!.TextContent.TrimStart('\n'));

        using var episode = await Pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.QuoteEpisode"] = "Stress Reliefs" });
        page = new HtmlParser().ParseDocument(await episode.Content.ReadAsStringAsync());
        Assert.Equal("“Stress Reliefs” is not an episode of the wiki.", page.QuerySelector("#episode-error")!.TextContent.Trim());

        await using var scope = App.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<WikiDbContext>().Relationships.Select(r => r.Revision).SingleAsync());
    }

    [Fact]
    public async Task Two_editors_changing_different_paragraphs_of_the_intro_are_merged()
    {
        using var jim = await LogInJimAsync();
        var editUrl = (await Pam.GetPageAsync("/")).QuerySelector("h1 + .edit-links a")!.GetAttribute("href")!;
        var pamsForm = await Pam.GetPageAsync(editUrl);
        var jimsForm = await jim.GetPageAsync(editUrl);
        var paragraphs = pamsForm.QuerySelector("textarea[name='Form.Intro']")!.TextContent.TrimStart('\n').Split("\n\n");
        Assert.True(paragraphs.Length >= 2, "the seeded intro has at least two paragraphs");

        var pams = paragraphs.Select((p, i) => i == 0 ? "Pam's first paragraph." : p);
        var jims = paragraphs.Select((p, i) => i == paragraphs.Length - 1 ? "Jim's last paragraph." : p);
        (await Pam.PostFormAsync(pamsForm, new Dictionary<string, string> { ["Form.Intro"] = string.Join("\n\n", pams) })).Dispose();
        using var merged = await jim.PostFormAsync(jimsForm, new Dictionary<string, string> { ["Form.Intro"] = string.Join("\n\n", jims) });

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var (_, home) = await App.GetPageAsync("/");
        var text = home.QuerySelector(".intro")?.TextContent ?? home.QuerySelector("main")!.TextContent;
        Assert.Contains("Pam's first paragraph.", text, StringComparison.Ordinal);
        Assert.Contains("Jim's last paragraph.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_season_summary_edit_shows_on_the_season_cards_and_can_be_reverted()
    {
        var link = (await Pam.GetPageAsync("/seasons/4")).QuerySelectorAll("a").Single(a => a.TextContent == "Edit the summary of Season 4").GetAttribute("href")!;
        using var saved = await Pam.SubmitAsync(link, new Dictionary<string, string> { ["Form.Summary"] = "Season four, in one sentence." });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, seasons) = await App.GetPageAsync("/seasons");
        Assert.Contains("Season four, in one sentence.", seasons.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var history = (await Pam.GetPageAsync(link)).QuerySelector(".meta a")!.GetAttribute("href")!;
        (await Pam.SubmitAsync(history, new Dictionary<string, string> { ["ToRevision"] = "1" }, formSelector: "form.wiki-form")).Dispose();
        var (_, after) = await App.GetPageAsync("/seasons");
        Assert.DoesNotContain("Season four, in one sentence.", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_joke_added_at_the_top_comes_first_and_can_be_moved_last()
    {
        var before = (await App.GetPageAsync("/seasons/2")).Document.QuerySelectorAll(".jokes li").Select(li => li.TextContent.Trim()).ToList();
        using var created = await Pam.SubmitAsync("/admin/jokes/new", new Dictionary<string, string> { ["Form.Body"] = "Dwight's bobblehead", ["Form.Position"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(before.Prepend("Dwight's bobblehead"), (await App.GetPageAsync("/seasons/2")).Document.QuerySelectorAll(".jokes li").Select(li => li.TextContent.Trim()));

        var id = created.Headers.Location!.OriginalString.Split('/')[3];
        using var moved = await Pam.SubmitAsync($"/admin/jokes/{id}/edit", new Dictionary<string, string> { ["Form.Position"] = "999" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(before.Append("Dwight's bobblehead"), (await App.GetPageAsync("/seasons/2")).Document.QuerySelectorAll(".jokes li").Select(li => li.TextContent.Trim()));
        var (_, diff) = await App.GetPageAsync($"/history/joke/{id}?from=1&to=2");
        Assert.Equal(["Place in the list"], diff.QuerySelectorAll(".diff-field").Select(h => h.TextContent));
    }

    [Fact]
    public async Task A_joke_is_added_cited_deleted_and_restored()
    {
        var add = (await Pam.GetPageAsync("/seasons/2")).QuerySelectorAll(".jokes-sidebar a").Single(a => a.TextContent == "Add a recurring joke").GetAttribute("href")!;
        using var created = await Pam.SubmitAsync(add, new Dictionary<string, string> { ["Form.Body"] = "Jim's teapot ([[Christmas Party]])" });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var history = created.Headers.Location!.OriginalString;
        var (_, season) = await App.GetPageAsync("/seasons/2");
        Assert.Contains("Jim's teapot (Christmas Party)", season.QuerySelectorAll(".jokes li").Select(li => li.TextContent.Trim()));
        var (_, episode) = await App.GetPageAsync("/episodes/christmas-party");
        Assert.Contains("Jim's teapot", episode.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var id = history.Split('/')[3];
        using var deleted = await Pam.SubmitAsync($"/admin/jokes/{id}/edit", new Dictionary<string, string>(), button: "Delete this joke");
        Assert.True(deleted.StatusCode == HttpStatusCode.Redirect, $"{deleted.StatusCode} {deleted.RequestMessage!.RequestUri} {await deleted.Content.ReadAsStringAsync()}");
        Assert.DoesNotContain("Jim's teapot", (await App.GetPageAsync("/seasons/2")).Document.QuerySelector(".jokes-sidebar")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("Jim's teapot", (await App.GetPageAsync("/episodes/christmas-party")).Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        (await Pam.SubmitAsync(history, new Dictionary<string, string> { ["ToRevision"] = "1" }, formSelector: "form.wiki-form")).Dispose();
        Assert.Contains("Jim's teapot (Christmas Party)", (await App.GetPageAsync("/seasons/2")).Document.QuerySelectorAll(".jokes li").Select(li => li.TextContent.Trim()));
        var summaries = (await Pam.GetPageAsync(history)).QuerySelectorAll(".revisions .summary").Select(s => s.TextContent);
        Assert.Equal(["Reverted to revision 1", "Created"], summaries);
    }
}
