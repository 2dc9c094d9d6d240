using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace JimPam.Wiki.BrowserTests;

/// <summary>What a reader does with a mouse, with JavaScript on and off: the pages need none.</summary>
[Collection(BrowserSuite.Name)]
public class ReaderJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reader_goes_from_home_to_season_3_to_a_cited_episode_and_back(bool javaScript)
    {
        var page = await App.NewPageAsync(javaScript);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Seasons" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(App.BaseUrl + "/seasons");
        await page.GetByRole(AriaRole.Link, new() { Name = "Season 3", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(App.BaseUrl + "/seasons/3");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Season 3");

        var citation = page.Locator("article a.citation").First;
        await Expect(citation).ToHaveTextAsync("Gay Witch Hunt");
        await citation.ClickAsync();
        await Expect(page).ToHaveURLAsync(App.BaseUrl + "/episodes/gay-witch-hunt");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Gay Witch Hunt");

        await page.GetByRole(AriaRole.Link, new() { Name = "Read in Season 3" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/seasons/3#event-\\d+$"));
        var target = page.Locator(":target");
        await Expect(target).ToBeVisibleAsync();
        await Expect(target).ToContainTextAsync("Gay Witch Hunt");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reader_pages_through_seasons_and_episodes(bool javaScript)
    {
        var page = await App.NewPageAsync(javaScript);
        await page.GotoAsync("/seasons/3");

        await page.Locator("a[rel=next]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Season 4");
        await page.Locator("a[rel=prev]").ClickAsync();
        await page.Locator("a[rel=prev]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Season 2");

        await page.GotoAsync("/episodes/gay-witch-hunt");
        await page.Locator("a[rel=prev]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Casino Night");
        await page.Locator("a[rel=next]").ClickAsync();
        await page.Locator("a[rel=next]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("The Convention");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reader_reads_a_later_season_citation_only_after_opening_the_spoiler(bool javaScript)
    {
        var page = await App.NewPageAsync(javaScript);
        await page.GotoAsync("/episodes/the-dundies");

        var spoiler = page.Locator("details.spoiler");
        await Expect(spoiler.GetByText("the kiss at Chili's")).ToBeHiddenAsync();
        await spoiler.Locator("summary").ClickAsync();
        await Expect(spoiler.GetByText("the kiss at Chili's")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Unknown_address_shows_the_404_page_with_a_way_back(bool javaScript)
    {
        var page = await App.NewPageAsync(javaScript);
        var response = await page.GotoAsync("/no/such/page");

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to Jim and Pam" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(App.BaseUrl + "/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Jim and Pam");
    }
}
