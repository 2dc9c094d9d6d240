using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using AngleSharp.Html.Parser;
using JimPam.Wiki.Data;
using JimPam.Wiki.Tests.Pages.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Pages.Admin;

/// <summary>Creating and editing episodes and characters: each test has its own app and database, and an editor logged in.</summary>
[Trait("Engine", "Any")]
public sealed class EditCatalogueTests : EditorTestBase
{

    [Fact]
    public async Task A_broken_link_turns_into_a_working_one_when_the_character_is_created()
    {
        var editUrl = (await Pam.GetPageAsync("/seasons/5")).QuerySelector(".event .edit-links a")!.GetAttribute("href")!;
        (await Pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Body"] = "Pam meets [[Astrid Levinson]] at the office." })).Dispose();
        var (_, before) = await App.GetPageAsync("/seasons/5");
        Assert.Equal("/missing?title=Astrid%20Levinson", before.QuerySelector("a.wikilink.broken")!.GetAttribute("href"));

        var broken = await Pam.GetPageAsync("/admin/broken-links");
        var row = broken.QuerySelectorAll(".admin-list tbody tr").Single();
        Assert.Equal("[[Astrid Levinson]]", row.QuerySelector("code")!.TextContent);
        Assert.Equal(editUrl, row.QuerySelector("td:nth-child(2) a")!.GetAttribute("href"));

        var missing = await Pam.GetPageAsync("/missing?title=Astrid%20Levinson");
        var createUrl = missing.QuerySelectorAll("main a").Single(a => a.TextContent.Contains("new character", StringComparison.Ordinal)).GetAttribute("href")!;
        using var created = await Pam.SubmitAsync(createUrl, new Dictionary<string, string> { ["Form.Actor"] = "Anonymous baby" });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/characters/astrid-levinson", created.Headers.Location!.OriginalString);
        var (_, after) = await App.GetPageAsync("/seasons/5");
        Assert.Empty(after.QuerySelectorAll("a.wikilink.broken"));
        Assert.Contains(after.QuerySelectorAll("a.character-link"), a => a.GetAttribute("href") == "/characters/astrid-levinson");
        var (_, character) = await App.GetPageAsync("/characters/astrid-levinson");
        Assert.Contains("Pam meets Astrid Levinson at the office.", character.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Last edited by pam", character.QuerySelector(".last-edited")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Every wiki link names an episode or a character.", (await Pam.GetPageAsync("/admin/broken-links")).QuerySelector("main p")!.TextContent);
    }

    [Fact]
    public async Task A_second_app_instance_on_the_same_database_resolves_a_character_the_first_one_created()
    {
        await using var second = WikiAppFactory.OnDatabase(App.DatabasePath);
        using var jim = new EditorSession(second);
        (await jim.LogInAsync("jim")).Dispose();
        var editUrl = (await jim.GetPageAsync("/seasons/5")).QuerySelector(".event .edit-links a")!.GetAttribute("href")!;
        using var before = await jim.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Body"] = "Pam meets [[Astrid Levinson]]." }, button: "Preview");
        Assert.Contains("[[Astrid Levinson]]", new HtmlParser().ParseDocument(await before.Content.ReadAsStringAsync()).QuerySelector(".broken-links")!.TextContent, StringComparison.Ordinal);

        (await Pam.SubmitAsync("/admin/characters/new", new Dictionary<string, string> { ["Form.Name"] = "Astrid Levinson" })).Dispose();
        using var saved = await jim.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Body"] = "Pam meets [[Astrid Levinson]]." });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, season) = await App.GetPageAsync("/seasons/5");
        Assert.Contains(season.QuerySelectorAll("a.character-link"), a => a.GetAttribute("href") == "/characters/astrid-levinson");
        Assert.Empty(season.QuerySelectorAll("a.wikilink.broken"));
    }

    [Fact]
    public async Task Renaming_an_episode_s_address_and_title_keeps_the_old_address_and_the_old_links_working()
    {
        var editUrl = await EditLinkAsync("/episodes/pilot");
        using var saved = await Pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Title"] = "Pilot (The Office)", ["Form.Slug"] = "pilot-episode", ["Form.Summary"] = "Disambiguate" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/episodes/pilot-episode", saved.Headers.Location!.OriginalString);
        var (moved, _) = await App.GetPageAsync("/episodes/pilot");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/episodes/pilot-episode", moved.Headers.Location!.OriginalString);
        var (_, episode) = await App.GetPageAsync("/episodes/pilot-episode");
        Assert.Equal("Pilot (The Office)", episode.QuerySelector("h1")!.TextContent);

        // The API answers the old address, and another spelling of the new one, as the page does.
        using var reader = App.CreateReader();
        using var movedResource = await reader.GetAsync(new Uri("/api/v1/episodes/pilot?asOf=s01e02", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, movedResource.StatusCode);
        Assert.EndsWith("/api/v1/episodes/pilot-episode?asOf=s01e02", movedResource.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var spelt = await reader.GetAsync(new Uri("/api/v1/episodes/Pilot-Episode", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, spelt.StatusCode);
        Assert.EndsWith("/api/v1/episodes/pilot-episode", spelt.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var unknown = await reader.GetAsync(new Uri("/api/v1/episodes/no-such-episode", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Pilot", episode.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Season 1's text links [[Pilot]]: the old title is now an alias, so those links go to the new address.
        var (_, season) = await App.GetPageAsync("/seasons/1");
        Assert.Contains(season.QuerySelectorAll("a.citation"), a => a.GetAttribute("href") == "/episodes/pilot-episode");
        Assert.Empty(season.QuerySelectorAll("a.wikilink.broken"));
        var history = await Pam.GetPageAsync(episode.QuerySelector(".last-edited a")!.GetAttribute("href")!);
        Assert.Equal(["Disambiguate", "Imported from the source article"], history.QuerySelectorAll(".revisions .summary").Select(s => s.TextContent));
    }

    [Fact]
    public async Task Validation_errors_show_next_to_their_fields_keep_the_typed_values_and_save_nothing()
    {
        var editUrl = await EditLinkAsync("/episodes/pilot");

        using var taken = await Pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Slug"] = "the-dundies", ["Form.Aliases"] = "Pilot episode" });
        var page = new HtmlParser().ParseDocument(await taken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal("Another episode already has the address “the-dundies”.", page.QuerySelector("#slug-error")!.TextContent.Trim());
        Assert.Equal("the-dundies", page.QuerySelector("input[name='Form.Slug']")!.GetAttribute("value"));
        Assert.Equal("Pilot episode", page.QuerySelector("textarea[name='Form.Aliases']")!.TextContent.Trim());

        using var blank = await Pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Title"] = "", ["Form.Season"] = "0" });
        page = new HtmlParser().ParseDocument(await blank.Content.ReadAsStringAsync());
        Assert.Equal("Give the episode a title.", page.QuerySelector("#title-error")!.TextContent.Trim());
        Assert.Equal("The season is a number from 1 to 99.", page.QuerySelector("#season-error")!.TextContent.Trim());

        using var noSeason = await Pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Season"] = "12" });
        page = new HtmlParser().ParseDocument(await noSeason.Content.ReadAsStringAsync());
        Assert.Equal("There is no Season 12.", page.QuerySelector("#season-error")!.TextContent.Trim());

        using var clash = await Pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Aliases"] = "Pam" });
        page = new HtmlParser().ParseDocument(await clash.Content.ReadAsStringAsync());
        Assert.Contains("“Pam” already names the character “Pam Beesly”", page.QuerySelector("#aliases-error")!.TextContent, StringComparison.Ordinal);

        await using var scope = App.Services.CreateAsyncScope();
        var pilot = await scope.ServiceProvider.GetRequiredService<WikiDbContext>().Episodes.SingleAsync(e => e.Slug == "pilot");
        Assert.Equal(("Pilot", 1), (pilot.Title, pilot.Revision));
    }

    [Fact]
    public async Task Two_editors_changing_different_fields_merge_and_the_same_field_is_a_conflict()
    {
        using var jim = await LogInJimAsync();
        var editUrl = await EditLinkAsync("/characters/pam-beesly");
        var jimsForm = await jim.GetPageAsync(editUrl);
        var jimsSecondForm = await jim.GetPageAsync(editUrl);

        (await Pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Actor"] = "Jenna Fischer (2005–2013)" })).Dispose();
        using var merged = await PostAsync(jim, jimsForm, "Form.FullName", "Pamela Morgan Beesly Halpert");

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var pam = await scope.ServiceProvider.GetRequiredService<WikiDbContext>().Characters.SingleAsync(c => c.Slug == "pam-beesly");
            Assert.Equal(("Jenna Fischer (2005–2013)", "Pamela Morgan Beesly Halpert", 3), (pam.Actor, pam.FullName, pam.Revision));
        }

        using var conflict = await PostAsync(jim, jimsSecondForm, "Form.Actor", "J. Fischer");
        var page = new HtmlParser().ParseDocument(await conflict.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("Revision 3 by jim is now current", page.QuerySelector(".conflict [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("J. Fischer", page.QuerySelector("input[name='Form.Actor']")!.GetAttribute("value"));
        Assert.Contains("Played by", page.QuerySelectorAll(".conflict .diff-field").Select(h => h.TextContent));
        Assert.Equal("3", page.QuerySelector("input[name='Form.BaseRevision']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_episode_reverted_from_its_history_gets_its_old_address_back()
    {
        var editUrl = await EditLinkAsync("/episodes/the-dundies");
        (await Pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Slug"] = "dundies" })).Dispose();
        var history = (await App.GetPageAsync("/episodes/dundies")).Document.QuerySelector(".last-edited a")!.GetAttribute("href")!;

        using var reverted = await Pam.SubmitAsync(history, new Dictionary<string, string> { ["ToRevision"] = "1" }, formSelector: "form.wiki-form");

        Assert.Equal(HttpStatusCode.Redirect, reverted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.GetPageAsync("/episodes/the-dundies")).Response.StatusCode);
        var (moved, _) = await App.GetPageAsync("/episodes/dundies");
        Assert.Equal("/episodes/the-dundies", moved.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_deleted_episode_leaves_the_lists_its_links_turn_broken_and_a_restore_brings_it_back()
    {
        var editUrl = await EditLinkAsync("/episodes/casino-night");
        using var deleted = await Pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Summary"] = "Testing delete" }, button: "Delete this episode");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var history = deleted.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.NotFound, (await App.GetPageAsync("/episodes/casino-night")).Response.StatusCode);
        Assert.DoesNotContain("Casino Night", (await App.GetPageAsync("/episodes")).Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (_, season) = await App.GetPageAsync("/seasons/2");
        Assert.Contains(season.QuerySelectorAll("a.wikilink.broken"), a => a.TextContent == "Casino Night");
        Assert.Contains("[[Casino Night]]", (await Pam.GetPageAsync("/admin/broken-links")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var historyPage = await Pam.GetPageAsync(history);
        Assert.Equal("Restore this revision", historyPage.QuerySelector("form.wiki-form button")!.TextContent.Trim());

        (await Pam.SubmitAsync(history, new Dictionary<string, string> { ["ToRevision"] = "1" }, formSelector: "form.wiki-form")).Dispose();

        Assert.Equal(HttpStatusCode.OK, (await App.GetPageAsync("/episodes/casino-night")).Response.StatusCode);
        var (_, after) = await App.GetPageAsync("/seasons/2");
        Assert.Empty(after.QuerySelectorAll("a.wikilink.broken"));
        Assert.Contains(after.QuerySelectorAll("a.citation"), a => a.GetAttribute("href") == "/episodes/casino-night");
    }

    [Fact]
    public async Task A_relationship_member_cannot_be_deleted()
    {
        var editUrl = await EditLinkAsync("/characters/jim-halpert");
        using var refused = await Pam.SubmitAsync(editUrl, new Dictionary<string, string>(), button: "Delete this character");
        var page = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Jim Halpert is a member of a relationship", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await App.GetPageAsync("/characters/jim-halpert")).Response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_cannot_open_or_post_the_catalogue_forms()
    {
        using var reader = new EditorSession(App);
        Assert.Equal(HttpStatusCode.Redirect, await reader.StatusOfAsync("/admin/episodes/new"));
        Assert.Equal(HttpStatusCode.Redirect, await reader.StatusOfAsync("/admin/characters/1/edit"));
        using var post = await reader.Client.PostAsync(new Uri("/admin/characters/new", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Name"] = "Vandal" }));
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        using var revert = await reader.Client.PostAsync(new Uri("/admin/episode/1/revert", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["ToRevision"] = "1" }));
        Assert.Equal(HttpStatusCode.Unauthorized, revert.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, await Pam.StatusOfAsync("/admin/episode/1/revert"));
        using var forged = await Pam.Client.PostAsync(new Uri("/admin/characters/new", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Name"] = "Forged" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        await using var scope = App.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<WikiDbContext>().Characters.AnyAsync(c => c.Name == "Vandal" || c.Name == "Forged"));
    }

    [Fact]
    public async Task Recent_changes_and_its_atom_feed_list_the_latest_edit_first_with_a_diff_link()
    {
        var editUrl = await EditLinkAsync("/characters/roy-anderson");
        (await Pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Actor"] = "David Denman (as Roy)", ["Form.Summary"] = "Actor's full name" })).Dispose();

        var (_, changes) = await App.GetPageAsync("/recent-changes");
        var first = changes.QuerySelector(".revisions li")!;
        Assert.Contains("Character “Roy Anderson”", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("revision 2 by pam: Actor's full name", first.TextContent, StringComparison.Ordinal);
        var diff = first.QuerySelectorAll("a").Single(a => a.TextContent.StartsWith("diff", StringComparison.Ordinal)).GetAttribute("href")!;
        var (_, diffPage) = await App.GetPageAsync(diff);
        Assert.Equal("Played by", diffPage.QuerySelector(".diff-field")!.TextContent);

        using var reader = App.CreateReader();
        using var atom = await reader.GetAsync(new Uri("/recent-changes.atom", UriKind.Relative));
        Assert.Equal("application/atom+xml", atom.Content.Headers.ContentType!.MediaType);
        using var xml = XmlReader.Create(await atom.Content.ReadAsStreamAsync());
        var feed = SyndicationFeed.Load(xml);
        var entry = feed.Items.First();
        Assert.Equal("Character “Roy Anderson”, revision 2", entry.Title.Text);
        Assert.Equal("pam", entry.Authors.Single().Name);
        Assert.EndsWith(diff, entry.Links.Single().Uri.ToString(), StringComparison.Ordinal);
        Assert.True(entry.Links.Single().Uri.IsAbsoluteUri);
    }

    /// <summary>
    /// A NUL stored in a name before the writer refused it (SQLite keeps one; PostgreSQL never did): the feed, whose XML
    /// writer threw on it, answers everyone again, with the name without it.
    /// </summary>
    [Fact]
    [Trait("Needs", "SqliteFile")]
    public async Task A_nul_stored_in_a_name_before_the_writer_refused_it_leaves_the_feed_readable()
    {
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={App.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE \"Revisions\" SET \"Author\" = 'pa' || char(0) || 'm' WHERE \"Id\" = (SELECT max(\"Id\") FROM \"Revisions\");";
            await command.ExecuteNonQueryAsync();
        }

        using var reader = App.CreateReader();
        using var atom = await reader.GetAsync(new Uri("/recent-changes.atom?after=nul", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, atom.StatusCode);
        using var xml = XmlReader.Create(await atom.Content.ReadAsStreamAsync());
        Assert.Contains(SyndicationFeed.Load(xml).Items, i => i.Authors.Single().Name == "pam");
    }

    private async Task<string> EditLinkAsync(string publicUrl) =>
        (await Pam.GetPageAsync(publicUrl)).QuerySelector("h1 + .edit-links a")!.GetAttribute("href")!;

    private static Task<HttpResponseMessage> PostAsync(EditorSession editor, AngleSharp.Html.Dom.IHtmlDocument form, string field, string value) =>
        editor.PostFormAsync(form, new Dictionary<string, string> { [field] = value });
}
