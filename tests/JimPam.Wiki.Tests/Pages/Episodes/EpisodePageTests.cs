using System.Net;

namespace JimPam.Wiki.Tests.Pages.Episodes;

[Trait("Engine", "Any")]
[Collection(SeededWiki.Name)]
public class EpisodePageTests(WikiAppFactory app)
{
    [Fact]
    public async Task Episode_page_shows_title_season_number_and_neighbours()
    {
        var (response, page) = await app.GetPageAsync("/episodes/casino-night");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Casino Night", page.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("Season 2, episode 22", page.QuerySelector(".episode-meta")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("/episodes/conflict-resolution", page.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        // The last episode of a season leads on to the first of the next.
        Assert.Equal("/episodes/gay-witch-hunt", page.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_episode_cited_in_a_later_season_lists_that_event_grouped_by_season()
    {
        var (_, page) = await app.GetPageAsync("/episodes/the-dundies");

        Assert.StartsWith("Season 2, episode 1", page.QuerySelector(".episode-meta")!.TextContent.Trim(), StringComparison.Ordinal);
        var ownSeason = page.QuerySelectorAll("h3").Single(h => h.TextContent == "Season 2");
        Assert.NotNull(ownSeason);
        var later = page.QuerySelector("details.spoiler")!;
        Assert.StartsWith("Season 9", later.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);
        var link = later.QuerySelector("a.context-link")!;
        Assert.Matches("^/seasons/9#event-\\d+$", link.GetAttribute("href")!);
        Assert.Contains("the kiss at Chili's", later.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Episode_page_lists_the_jokes_and_epigraph_that_cite_it()
    {
        var (_, nightOut) = await app.GetPageAsync("/episodes/night-out");
        Assert.Contains(nightOut.QuerySelectorAll("ul.jokes li"), li => li.TextContent.Contains("strange lack of faith", StringComparison.Ordinal));

        var (_, stressRelief) = await app.GetPageAsync("/episodes/stress-relief");
        Assert.Contains("epigraph quotes this episode", stressRelief.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_uncited_episode_says_so()
    {
        var (_, page) = await app.GetPageAsync("/episodes/basketball");
        Assert.Contains("No part of the story cites this episode yet.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Episode_page_gives_the_first_us_air_date_as_a_machine_readable_date()
    {
        var (_, page) = await app.GetPageAsync("/episodes/basketball");

        var time = page.QuerySelector(".episode-meta time")!;
        Assert.Equal("2005-04-19", time.GetAttribute("datetime"));
        Assert.Equal("19 April 2005", time.TextContent);
        Assert.Contains("first aired 19 April 2005", page.QuerySelector(".episode-meta")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_episode_answers_404()
    {
        var (response, page) = await app.GetPageAsync("/episodes/the-dundys");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Episode_list_groups_every_episode_by_season()
    {
        var (_, page) = await app.GetPageAsync("/episodes");

        var seasons = page.QuerySelectorAll("section.episode-season").ToList();
        Assert.Equal(9, seasons.Count);
        Assert.Equal(SeedCounts.Episodes, page.QuerySelectorAll(".episode-list li").Length);
        Assert.Equal(["Pilot", "Diversity Day", "Health Care", "The Alliance", "Basketball", "Hot Girl"], seasons[0].QuerySelectorAll("li a").Select(a => a.TextContent));
    }
}
