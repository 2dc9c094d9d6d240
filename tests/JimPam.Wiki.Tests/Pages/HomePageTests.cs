using System.Net;

namespace JimPam.Wiki.Tests.Pages;

[Trait("Engine", "Any")]
[Collection(SeededWiki.Name)]
public class HomePageTests(WikiAppFactory app)
{
    [Fact]
    public async Task Home_shows_the_infobox_with_members_actors_and_status()
    {
        var (response, page) = await app.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var infobox = page.QuerySelector("aside.infobox")!;
        var links = infobox.QuerySelectorAll("dd a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("Jim Halpert", "/characters/jim-halpert"), ("Pam Beesly", "/characters/pam-beesly"), ("The timeline", "/timeline")], links);
        Assert.Contains("played by John Krasinski", infobox.TextContent, StringComparison.Ordinal);
        Assert.Contains("played by Jenna Fischer", infobox.TextContent, StringComparison.Ordinal);
        Assert.Equal("Married", infobox.QuerySelector(".status")!.TextContent);
    }

    [Fact]
    public async Task Home_shows_the_epigraph_with_its_attribution_linked()
    {
        var (_, page) = await app.GetPageAsync("/");

        var epigraph = page.QuerySelector("figure.epigraph")!;
        Assert.Equal("When you're a kid, you assume your parents are soulmates. My kids are gonna be right about that.", epigraph.QuerySelector("blockquote")!.TextContent.Trim());
        var caption = epigraph.QuerySelector("figcaption")!;
        Assert.Equal("—Pam Beesly, Stress Relief", Normalise(caption.TextContent));
        Assert.Equal("/episodes/stress-relief", caption.QuerySelector("cite a")!.GetAttribute("href"));
        Assert.Equal("/characters/pam-beesly", caption.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Home_has_a_card_for_each_season_with_its_first_sentence()
    {
        var (_, page) = await app.GetPageAsync("/");

        var cards = page.QuerySelectorAll(".season-card").ToList();
        Assert.Equal(9, cards.Count);
        Assert.Equal("/seasons/3", cards[2].QuerySelector("a")!.GetAttribute("href"));
        Assert.StartsWith("After Jim and Pam part from their kiss", cards[2].QuerySelector("p")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("8 paragraphs · 11 episode citations", cards[2].QuerySelector(".meta")!.TextContent);
        Assert.Equal("1 paragraph · 1 episode citation", cards[6].QuerySelector(".meta")!.TextContent);
    }

    [Fact]
    public async Task Home_shows_behind_the_scenes_with_its_footnote_marker()
    {
        var (_, page) = await app.GetPageAsync("/");

        var note = page.QuerySelector(".behind-the-scenes")!;
        Assert.Equal(
            "In the earlier seasons, scenes advancing the Jim/Pam relationship were kept small on purpose, following the principle of \"Less is more.\"[1]",
            note.TextContent.Trim());
        Assert.Equal("[1]", note.QuerySelector("sup")!.TextContent);
    }

    internal static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace("— ", "—", StringComparison.Ordinal).Replace(" ,", ",", StringComparison.Ordinal);
}
