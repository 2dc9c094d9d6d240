using System.Net;

namespace JimPam.Wiki.Tests.Pages;

/// <summary>The infobox's status at a given episode (<c>/?asOf=s04e01</c>), from the milestones that set a status.</summary>
[Trait("Engine", "Any")]
[Collection(SeededWiki.Name)]
public class StatusAsOfTests(WikiAppFactory app)
{
    [Theory]
    [InlineData("s01e01", "Pilot", "Friends")]
    [InlineData("s03e23", "The Job", "Friends")]
    [InlineData("s04e01", "Fun Run", "Dating")]
    [InlineData("S4E2", "Dunder Mifflin Infinity", "Dating")]
    [InlineData("s05e01", "Weight Loss", "Engaged")]
    [InlineData("s06e03", "The Promotion", "Engaged")]
    [InlineData("s06e04", "Niagara", "Married")]
    [InlineData("s09e23", "Finale", "Married")]
    public async Task The_infobox_gives_the_status_as_of_an_episode(string asOf, string episode, string status)
    {
        var (response, page) = await app.GetPageAsync($"/?asOf={asOf}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var infobox = page.QuerySelector(".infobox")!;
        Assert.Equal($"Status as of {episode}", infobox.QuerySelector("dt:has(a)")!.TextContent.Split(" (")[0].Trim());
        Assert.StartsWith(status + " since", infobox.QuerySelector("dd.status")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_asOf_the_infobox_gives_the_article_s_status_line()
    {
        var (_, page) = await app.GetPageAsync("/");
        Assert.Equal("Married", page.QuerySelector(".infobox dd.status")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("yesterday", "asOf=“yesterday” is not an episode. Write it as season and episode in digits, such as s04e01.")]
    [InlineData("s04", "asOf=“s04” is not an episode. Write it as season and episode in digits, such as s04e01.")]
    [InlineData("s12e01", "asOf=s12e01: there is no Season 12, episode 1 in the catalogue.")]
    [InlineData("s04e99", "asOf=s04e99: there is no Season 4, episode 99 in the catalogue.")]
    public async Task An_asOf_that_names_no_episode_is_a_400_that_says_why(string asOf, string message)
    {
        var (response, page) = await app.GetPageAsync($"/?asOf={Uri.EscapeDataString(asOf)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, page.QuerySelector("main [role=alert]")!.TextContent.Trim());
        Assert.Equal("/", page.QuerySelectorAll("main a").Single(a => a.TextContent == "The same page without asOf").GetAttribute("href"));
    }
}
