using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using JimPam.Wiki.Tests.Pages.Admin;
using Microsoft.Data.Sqlite;

namespace JimPam.Wiki.Tests.Pages.SearchPage;

/// <summary>The index is written by the write path: every save, delete, restore and revert shows in the next search.</summary>
[Trait("Engine", "Any")]
public class SearchIndexTests : EditorTestBase
{
    private async Task<List<string>> FoundAsync(string query)
    {
        using var reader = App.CreateReader();
        var page = new HtmlParser().ParseDocument(await reader.GetStringAsync(new Uri("/search?q=" + Uri.EscapeDataString(query), UriKind.Relative)));
        return [.. page.QuerySelectorAll("a.search-hit").Select(a => a.GetAttribute("href")!)];
    }

    [Fact]
    public async Task A_saved_paragraph_is_found_by_its_new_words_and_no_longer_by_its_old_ones()
    {
        Assert.Single(await FoundAsync("\"intended to give her\""));
        var link = Assert.Single(await FoundAsync("teapot note"));
        var id = link.Split("#event-")[1];

        (await Pam.SubmitAsync($"/admin/events/{id}/edit", new Dictionary<string, string> { ["Form.Body"] = "Jim hides a zebracorn sticker in the note. a < b & \"c\"", ["Form.Summary"] = "Search test" })).Dispose();

        Assert.Equal([link], await FoundAsync("zebracorn"));
        // The old text's words are gone; the milestone's label ("…the teapot note") stays, and still finds it.
        Assert.Empty(await FoundAsync("\"intended to give her\""));
        Assert.Equal([link], await FoundAsync("teapot note"));
        // The snippet is the text as readers see it, encoded, with only the index's marks made into HTML.
        using var reader = App.CreateReader();
        var html = await reader.GetStringAsync(new Uri("/search?q=zebracorn", UriKind.Relative));
        Assert.Contains("a &lt; b &amp; &quot;c&quot;", html, StringComparison.Ordinal);
        Assert.Contains("<mark>zebracorn</mark>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Did_you_mean_knows_the_words_of_every_save_and_forgets_deleted_ones()
    {
        using var created = await Pam.SubmitAsync("/admin/events/new?season=5", new Dictionary<string, string> { ["Form.Body"] = "Dwight sells mozzarella from the farm.", ["Form.Position"] = "1" });
        var id = created.Headers.Location!.OriginalString.Split("#event-")[1];
        Assert.Equal("mozzarella", await SuggestedAsync("mozarella"));

        (await Pam.SubmitAsync($"/admin/events/{id}/edit", new Dictionary<string, string>(), button: "Delete this paragraph")).Dispose();
        Assert.Null(await SuggestedAsync("mozarella"));
    }

    private async Task<string?> SuggestedAsync(string query)
    {
        using var reader = App.CreateReader();
        var page = new HtmlParser().ParseDocument(await reader.GetStringAsync(new Uri("/search?q=" + Uri.EscapeDataString(query), UriKind.Relative)));
        return page.QuerySelector(".did-you-mean a")?.TextContent.Trim();
    }

    [Fact]
    public async Task A_new_paragraph_is_found_a_deleted_one_is_gone_and_a_restored_one_is_back()
    {
        using var created = await Pam.SubmitAsync("/admin/events/new?season=5", new Dictionary<string, string> { ["Form.Body"] = "Pam paints a quokka mural.", ["Form.Position"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = created.Headers.Location!.OriginalString.Split("#event-")[1];
        Assert.Equal([$"/seasons/5#event-{id}"], await FoundAsync("quokka"));

        (await Pam.SubmitAsync($"/admin/events/{id}/edit", new Dictionary<string, string>(), button: "Delete this paragraph")).Dispose();
        Assert.Empty(await FoundAsync("quokka"));

        (await Pam.SubmitAsync($"/history/event/{id}", new Dictionary<string, string> { ["ToRevision"] = "1" }, formSelector: "form.wiki-form")).Dispose();
        Assert.Equal([$"/seasons/5#event-{id}"], await FoundAsync("quokka"));
    }

    [Fact]
    public async Task A_reverted_paragraph_is_found_by_the_words_it_is_reverted_to()
    {
        var id = Assert.Single(await FoundAsync("teapot note")).Split("#event-")[1];
        (await Pam.SubmitAsync($"/admin/events/{id}/edit", new Dictionary<string, string> { ["Form.Body"] = "Replaced by a wombat." })).Dispose();
        Assert.Single(await FoundAsync("wombat"));

        (await Pam.SubmitAsync($"/history/event/{id}", new Dictionary<string, string> { ["ToRevision"] = "1" }, formSelector: "form.wiki-form")).Dispose();

        Assert.Empty(await FoundAsync("wombat"));
        Assert.Single(await FoundAsync("teapot note"));
    }

    [Fact]
    public async Task A_new_renamed_or_deleted_episode_or_character_shows_in_the_next_search()
    {
        using var created = await Pam.SubmitAsync("/admin/characters/new", new Dictionary<string, string> { ["Form.Name"] = "Astrid Levinson" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/characters/astrid-levinson", (await FoundAsync("Astrid"))[0]);

        var episodeEdit = (await Pam.GetPageAsync("/episodes/the-dundies")).QuerySelectorAll("a").First(a => a.GetAttribute("href")?.StartsWith("/admin/episodes/", StringComparison.Ordinal) == true).GetAttribute("href")!;
        (await Pam.SubmitAsync(episodeEdit, new Dictionary<string, string> { ["Form.Aliases"] = "Dundie Awards Night" })).Dispose();
        Assert.Equal("/episodes/the-dundies", (await FoundAsync("awards night"))[0]);

        var characterEdit = (await Pam.GetPageAsync("/characters/astrid-levinson")).QuerySelectorAll("a").First(a => a.GetAttribute("href")?.StartsWith("/admin/characters/", StringComparison.Ordinal) == true).GetAttribute("href")!;
        (await Pam.SubmitAsync(characterEdit, new Dictionary<string, string>(), button: "Delete this character")).Dispose();
        Assert.Empty(await FoundAsync("Astrid"));
    }

    [Fact]
    public async Task An_edit_changes_the_api_resource_etag_and_the_old_one_no_longer_gets_a_304()
    {
        using var reader = App.CreateReader();
        using var first = await reader.GetAsync(new Uri("/api/v1/seasons/9", UriKind.Relative));
        var etag = first.Headers.ETag!;
        var id = Assert.Single(await FoundAsync("teapot note")).Split("#event-")[1];

        (await Pam.SubmitAsync($"/admin/events/{id}/edit", new Dictionary<string, string> { ["Form.Body"] = "An edit the API shows." })).Dispose();

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/seasons/9", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(etag);
        using var after = await reader.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag);
        using var json = JsonDocument.Parse(await after.Content.ReadAsStringAsync());
        Assert.Contains(json.RootElement.GetProperty("events").EnumerateArray(), e => e.GetProperty("markdown").GetString() == "An edit the API shows.");
    }

    [Fact]
    [Trait("Needs", "SqliteFile")]
    public async Task A_database_whose_index_was_lost_is_indexed_again_at_the_next_start()
    {
        Assert.Single(await FoundAsync("teapot note"));
        var path = App.DatabasePath;
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False;Default Timeout=30"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM \"SearchIndex\"; DELETE FROM \"SiteSettings\" WHERE \"Key\" = 'search-index:built';";
            await command.ExecuteNonQueryAsync();
        }

        await using var restarted = WikiAppFactory.OnDatabase(path);
        using var reader = restarted.CreateReader();
        var page = new HtmlParser().ParseDocument(await reader.GetStringAsync(new Uri("/search?q=teapot+note", UriKind.Relative)));
        Assert.Single(page.QuerySelectorAll("a.search-hit"));
    }
}
