using System.Net;

namespace JimPam.Wiki.Tests.Pages.Seasons;

[Trait("Engine", "Any")]
[Collection(SeededWiki.Name)]
public class SeasonPageTests(WikiAppFactory app)
{
    [Fact]
    public async Task Season_page_shows_its_events_in_source_order()
    {
        var (response, page) = await app.GetPageAsync("/seasons/3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Season 3", page.QuerySelector("h1")!.TextContent);
        var events = page.QuerySelectorAll("article .event, article .event-figure").ToList();
        Assert.Equal(9, events.Count);
        Assert.StartsWith("After Jim and Pam part from their kiss", events[0].TextOfStory(), StringComparison.Ordinal);
        Assert.Equal("Jimpam s3", events[6].QuerySelector(".image-slot")!.TextContent.Trim());
        Assert.StartsWith("During his interview with David Wallace", events[8].TextOfStory(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Season_page_links_each_citation_to_its_episode()
    {
        var (_, page) = await app.GetPageAsync("/seasons/1");

        var citations = page.QuerySelectorAll("article a.citation").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal(
            [
                ("Diversity Day", "/episodes/diversity-day"),
                ("Pilot", "/episodes/pilot"),
                ("The Alliance", "/episodes/the-alliance"),
                ("Hot Girl", "/episodes/hot-girl"),
            ],
            citations);
    }

    [Fact]
    public async Task Season_page_shows_captions_as_figure_captions()
    {
        var (_, page) = await app.GetPageAsync("/seasons/5");

        var figure = Assert.Single(page.QuerySelectorAll("figure.event-figure"));
        Assert.Equal("Jimpam s5", figure.QuerySelector(".image-slot")!.TextContent.Trim());
        var caption = figure.QuerySelector("figcaption")!;
        Assert.Equal("Pam and Jim find out about the pregnancy. (Company Picnic)", caption.TextOfStory());
        Assert.Equal("Milestone: They learn Pam is pregnant", caption.QuerySelector(".milestone-tag")!.TextContent.Trim());
        Assert.Equal("/episodes/company-picnic", caption.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Season_page_has_previous_and_next_season_links()
    {
        var (_, middle) = await app.GetPageAsync("/seasons/5");
        Assert.Equal("/seasons/4", middle.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/seasons/6", middle.QuerySelector("a[rel=next]")!.GetAttribute("href"));

        var (_, first) = await app.GetPageAsync("/seasons/1");
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        var (_, last) = await app.GetPageAsync("/seasons/9");
        Assert.Null(last.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task Season_page_has_the_recurring_jokes_sidebar_with_linked_citations()
    {
        var (_, page) = await app.GetPageAsync("/seasons/2");

        var sidebar = page.QuerySelector("aside.jokes-sidebar")!;
        Assert.Equal("Recurring jokes", sidebar.QuerySelector("h2")!.TextContent);
        var joke = Assert.Single(sidebar.QuerySelectorAll("li"));
        Assert.StartsWith("Michael (and other coworkers) have a strange lack of faith", joke.TextContent, StringComparison.Ordinal);
        Assert.Equal("/episodes/night-out", joke.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Season_page_lists_the_episodes_it_cites_with_their_own_season_when_it_differs()
    {
        var (_, page) = await app.GetPageAsync("/seasons/9");

        var items = page.QuerySelectorAll("aside.cited-episodes li").Select(li => HomePageTests.Normalise(li.TextContent)).ToList();
        Assert.Equal(
            [
                "New Guys", "Andy's Ancestry", "Here Comes Treble", "Dwight Christmas", "Customer Loyalty", "Couples Discount",
                "Stairmageddon", "Paper Airplane", "Livin' the Dream", "The Dundies (season 2)", "Casino Night (season 2)",
                "Christmas Party (season 2)", "A.A.R.M.", "Finale",
            ],
            items);
        Assert.Equal("/episodes/the-dundies", page.QuerySelectorAll("aside.cited-episodes a").Single(a => a.TextContent == "The Dundies").GetAttribute("href"));
    }

    [Theory]
    [InlineData("/seasons/0")]
    [InlineData("/seasons/10")]
    public async Task Unknown_season_answers_a_real_404_page(string url)
    {
        var (response, page) = await app.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/");
    }
}
