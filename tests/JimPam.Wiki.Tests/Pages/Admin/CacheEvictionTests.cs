using System.Net;
using AngleSharp.Html.Dom;

namespace JimPam.Wiki.Tests.Pages.Admin;

/// <summary>
/// Never stale: each kind of save shows on the very next read of every page that shows what it changed, although
/// readers' pages come from the output cache, and pages it did not touch stay in the cache.
/// </summary>
[Trait("Engine", "Any")]
public sealed class CacheEvictionTests : EditorTestBase
{
    [Fact]
    public async Task A_saved_paragraph_shows_on_its_season_the_episodes_it_cites_and_cited_and_recent_changes_and_nothing_else_is_evicted()
    {
        var season = await CachedAsync("/seasons/5");
        var paragraph = season.QuerySelectorAll(".event").First(e => e.QuerySelector("a[href^='/episodes/']") is not null);
        var eventId = paragraph.Id!["event-".Length..];
        var editUrl = $"/admin/events/{eventId}/edit";
        var cited = paragraph.QuerySelectorAll("a[href^='/episodes/']").Select(a => a.GetAttribute("href")!).Distinct().ToList();
        Assert.NotEmpty(cited);
        foreach (var url in cited.Concat(["/episodes/pilot", "/recent-changes", "/recent-changes.atom", "/seasons/7", "/seasons"]))
        {
            await CachedAsync(url);
        }

        (await Pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Body"] = "Pam and Jim remember the [[Pilot]] together.", ["Form.Summary"] = "Cache test" })).Dispose();

        Assert.Equal("Pam and Jim remember the Pilot together.", (await FreshAsync("/seasons/5")).QuerySelector($"#event-{eventId}")!.TextOfStory());
        Assert.Contains("Pam and Jim remember the Pilot together.", (await FreshAsync("/episodes/pilot")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        foreach (var url in cited)
        {
            Assert.Null((await FreshAsync(url)).QuerySelector($"a[href$='#event-{eventId}']"));
        }

        Assert.Contains("Cache test", (await FreshAsync("/recent-changes")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var feed = await ReadAsync("/recent-changes.atom");
        Assert.Null(feed.Headers.Age);
        Assert.Contains("Cache test", await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Exactly the touched pages: another season and the season list (whose counts did not change) stay cached.
        await StillCachedAsync("/seasons/7");
        await StillCachedAsync("/seasons");
    }

    [Fact]
    public async Task A_paragraph_created_moved_deleted_and_restored_shows_each_time_on_the_next_read()
    {
        foreach (var url in new[] { "/", "/seasons/5", "/seasons/6" })
        {
            await CachedAsync(url);
        }

        var homeBefore = SeasonCard(await FreshOrCachedAsync("/"), 5);
        using var created = await Pam.SubmitAsync("/admin/events/new?season=5", new Dictionary<string, string> { ["Form.Body"] = "A paragraph written for the cache test.", ["Form.Position"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var eventId = created.Headers.Location!.OriginalString.Split("#event-")[1];
        Assert.NotNull((await FreshAsync("/seasons/5")).QuerySelector($"#event-{eventId}"));
        Assert.NotEqual(homeBefore, SeasonCard(await FreshAsync("/"), 5));

        await CachedAsync("/seasons/5");
        (await Pam.SubmitAsync($"/admin/events/{eventId}/edit", new Dictionary<string, string> { ["Form.Season"] = "6", ["Form.Position"] = "1" })).Dispose();
        Assert.Null((await FreshAsync("/seasons/5")).QuerySelector($"#event-{eventId}"));
        Assert.NotNull((await FreshAsync("/seasons/6")).QuerySelector($"#event-{eventId}"));

        await CachedAsync("/seasons/6");
        (await Pam.SubmitAsync($"/admin/events/{eventId}/edit", new Dictionary<string, string>(), button: "Delete this paragraph")).Dispose();
        Assert.Null((await FreshAsync("/seasons/6")).QuerySelector($"#event-{eventId}"));

        await CachedAsync("/seasons/6");
        (await Pam.SubmitAsync($"/history/event/{eventId}", new Dictionary<string, string> { ["ToRevision"] = "2" }, formSelector: "form.wiki-form")).Dispose();
        Assert.NotNull((await FreshAsync("/seasons/6")).QuerySelector($"#event-{eventId}"));
    }

    [Fact]
    public async Task A_renamed_episode_shows_on_its_page_the_list_its_neighbours_and_the_seasons_that_cite_it()
    {
        var dundies = await CachedAsync("/episodes/the-dundies");
        var next = dundies.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        foreach (var url in new[] { "/episodes", next, "/seasons/2" })
        {
            await CachedAsync(url);
        }

        Assert.Contains("The Dundies", (await FreshOrCachedAsync("/seasons/2")).QuerySelector(".cited-episodes")?.TextContent ?? "", StringComparison.Ordinal);
        var editUrl = (await Pam.GetPageAsync("/episodes/the-dundies")).QuerySelectorAll("a").First(a => a.GetAttribute("href")?.StartsWith("/admin/episodes/", StringComparison.Ordinal) == true).GetAttribute("href")!;
        (await Pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Title"] = "The Dundies Awards" })).Dispose();

        Assert.Equal("The Dundies Awards", (await FreshAsync("/episodes/the-dundies")).QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("The Dundies Awards", (await FreshAsync("/episodes")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The Dundies Awards", (await FreshAsync(next)).QuerySelector("a[rel=prev]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The Dundies Awards", (await FreshAsync("/seasons/2")).QuerySelector(".cited-episodes")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_created_and_a_deleted_character_turn_the_links_to_them_blue_and_red_on_the_next_read()
    {
        var editUrl = (await Pam.GetPageAsync("/seasons/5")).QuerySelector(".event .edit-links a")!.GetAttribute("href")!;
        (await Pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Body"] = "Pam meets [[Astrid Levinson]] at the office." })).Dispose();
        Assert.NotNull((await CachedAsync("/seasons/5")).QuerySelector("a.wikilink.broken"));
        await CachedAsync("/characters");

        using var created = await Pam.SubmitAsync("/admin/characters/new", new Dictionary<string, string> { ["Form.Name"] = "Astrid Levinson" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var season = await FreshAsync("/seasons/5");
        Assert.Empty(season.QuerySelectorAll("a.wikilink.broken"));
        Assert.Contains(season.QuerySelectorAll("a.character-link"), a => a.GetAttribute("href") == "/characters/astrid-levinson");
        Assert.Contains("Astrid Levinson", (await FreshAsync("/characters")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        await CachedAsync("/seasons/5");
        var character = (await Pam.GetPageAsync("/characters/astrid-levinson")).QuerySelectorAll("a").First(a => a.GetAttribute("href")?.StartsWith("/admin/characters/", StringComparison.Ordinal) == true).GetAttribute("href")!;
        (await Pam.SubmitAsync(character, new Dictionary<string, string>(), button: "Delete this character")).Dispose();
        Assert.NotNull((await FreshAsync("/seasons/5")).QuerySelector("a.wikilink.broken"));
    }

    [Fact]
    public async Task An_edited_character_relationship_season_summary_and_joke_each_show_on_the_next_read()
    {
        foreach (var url in new[] { "/", "/characters", "/characters/pam-beesly", "/seasons", "/seasons/3" })
        {
            await CachedAsync(url);
        }

        var character = (await Pam.GetPageAsync("/characters/pam-beesly")).QuerySelectorAll("a").First(a => a.GetAttribute("href")?.StartsWith("/admin/characters/", StringComparison.Ordinal) == true).GetAttribute("href")!;
        (await Pam.SubmitAsync(character, new Dictionary<string, string> { ["Form.Actor"] = "Jenna Fischer, for nine seasons" })).Dispose();
        foreach (var url in new[] { "/", "/characters", "/characters/pam-beesly" })
        {
            Assert.Contains("Jenna Fischer, for nine seasons", (await FreshAsync(url)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }

        await CachedAsync("/");
        var relationship = (await Pam.GetPageAsync("/")).QuerySelectorAll("a").First(a => a.GetAttribute("href")?.StartsWith("/admin/relationships/", StringComparison.Ordinal) == true).GetAttribute("href")!;
        (await Pam.SubmitAsync(relationship, new Dictionary<string, string> { ["Form.Status"] = "Married, happily" })).Dispose();
        Assert.Contains("Married, happily", (await FreshAsync("/")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        await CachedAsync("/");
        var summary = (await Pam.GetPageAsync("/seasons/4")).QuerySelectorAll("a").Single(a => a.TextContent == "Edit the summary of Season 4").GetAttribute("href")!;
        (await Pam.SubmitAsync(summary, new Dictionary<string, string> { ["Form.Summary"] = "Season four, for the cache test." })).Dispose();
        Assert.Contains("Season four, for the cache test.", (await FreshAsync("/")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Season four, for the cache test.", (await FreshAsync("/seasons")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        await CachedAsync("/");
        await CachedAsync("/seasons/3");
        await CachedAsync("/episodes/christmas-party");
        var joke = (await Pam.GetPageAsync("/seasons/3")).QuerySelector(".jokes-sidebar a.edit-joke")!.GetAttribute("href")!;
        (await Pam.SubmitAsync(joke, new Dictionary<string, string> { ["Form.Body"] = "The teapot, for the cache test ([[Christmas Party]])" })).Dispose();
        foreach (var url in new[] { "/", "/seasons/3", "/episodes/christmas-party" })
        {
            Assert.Contains("The teapot, for the cache test", (await FreshAsync(url)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }
    }

    private async Task<HttpResponseMessage> ReadAsync(string url)
    {
        using var reader = App.CreateReader();
        return await reader.GetAsync(new Uri(url, UriKind.Relative));
    }

    /// <summary>Reads a page as an anonymous reader until it comes from the cache, so a later read shows whether a save evicted it.</summary>
    private async Task<IHtmlDocument> CachedAsync(string url)
    {
        (await ReadAsync(url)).Dispose();
        using var response = await ReadAsync(url);
        Assert.True(response.Headers.Age is not null, $"{url} was not served from the cache");
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The next read of a page after a save: rendered afresh, not the copy cached before the save.</summary>
    private async Task<IHtmlDocument> FreshAsync(string url)
    {
        using var response = await ReadAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Age is null, $"{url} came from the cache after a save that changed it");
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private async Task<IHtmlDocument> FreshOrCachedAsync(string url)
    {
        using var response = await ReadAsync(url);
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private async Task StillCachedAsync(string url)
    {
        using var response = await ReadAsync(url);
        Assert.True(response.Headers.Age is not null, $"{url} was evicted by a save that did not touch it");
    }

    private static string SeasonCard(IHtmlDocument home, int season) =>
        home.QuerySelectorAll(".season-card").Single(card => card.QuerySelector("h3")!.TextContent.Trim() == $"Season {season}").TextContent;
}
