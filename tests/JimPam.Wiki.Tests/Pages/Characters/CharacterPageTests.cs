using System.Net;

namespace JimPam.Wiki.Tests.Pages.Characters;

[Trait("Engine", "Any")]
[Collection(SeededWiki.Name)]
public class CharacterPageTests(WikiAppFactory app)
{
    [Fact]
    public async Task Character_page_shows_names_aliases_and_actor()
    {
        var (response, page) = await app.GetPageAsync("/characters/pam-beesly");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Pam Beesly", page.QuerySelector("h1")!.TextContent);
        var facts = page.QuerySelector("dl.facts")!.TextContent;
        Assert.Contains("Pamela Morgan Beesly", facts, StringComparison.Ordinal);
        Assert.Contains("Pam", facts, StringComparison.Ordinal);
        Assert.Contains("Jenna Fischer", facts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Character_page_lists_the_events_that_mention_them_by_season()
    {
        var (_, page) = await app.GetPageAsync("/characters/phillip-halpert");

        Assert.Contains("Philip", page.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        var seasons = page.QuerySelectorAll("details.season-group").ToList();
        Assert.Equal(["Season 8 (1 paragraph)", "Season 9 (1 paragraph)"], seasons.Select(d => HomePageTests.Normalise(d.QuerySelector("summary")!.TextContent)));
        // Only the first season is open: later ones wait to be asked for, so nothing is spoiled.
        Assert.Equal([true, false], seasons.Select(d => d.HasAttribute("open")));
        Assert.Contains("Pam gives birth to Phillip Halpert.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Character_list_links_every_character()
    {
        var (_, page) = await app.GetPageAsync("/characters");

        var links = page.QuerySelectorAll(".character-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(SeedCounts.Characters, links.Count);
        Assert.Contains("/characters/cecelia-halpert", links);
    }

    [Fact]
    public async Task Unknown_character_answers_404()
    {
        var (response, _) = await app.GetPageAsync("/characters/nobody");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
