using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace JimPam.Wiki.Tests.Pages;

/// <summary>The spoiler shield: "I have watched up to Season S, Episode E", and what every page then hides.</summary>
[Trait("Engine", "Any")]
[Collection(SeededWiki.Name)]
public class SpoilerShieldTests(WikiAppFactory app)
{
    private async Task<(HttpResponseMessage Response, IHtmlDocument Page)> ShieldedAsync(string url, string upTo)
    {
        using var client = app.CreateReader();
        client.DefaultRequestHeaders.Add("Cookie", $"watched={upTo}");
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_shield_form_sets_a_cookie_and_goes_back_to_the_page_the_reader_was_on()
    {
        using var client = app.CreateReader();
        using var set = await client.GetAsync(new Uri("/shield?season=4&episode=1&back=%2Fseasons%2F6", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/seasons/6", set.Headers.Location!.OriginalString);
        var cookie = set.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith("watched=s04e01;", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        // The cookie is now sent with every page, and the bar on every page says so, with a one-click way out.
        var (_, page) = await app.GetPageAsync("/");
        Assert.NotNull(page.QuerySelector(".shield-bar form[action='/shield'] input[name=season]"));
        using var shielded = await client.GetAsync(new Uri("/seasons/6", UriKind.Relative));
        var shieldedPage = new HtmlParser().ParseDocument(await shielded.Content.ReadAsStringAsync());
        Assert.Contains("Spoiler shield on: hiding what happens after Season 4, episode 1.", shieldedPage.QuerySelector(".shield-on")!.TextContent, StringComparison.Ordinal);
        var off = shieldedPage.QuerySelectorAll(".shield-on a").Single(a => a.TextContent == "Turn it off").GetAttribute("href")!;
        Assert.Equal("/shield?off=1&back=%2Fseasons%2F6", off);

        using var cleared = await client.GetAsync(new Uri(off, UriKind.Relative));
        Assert.Equal("/seasons/6", cleared.Headers.Location!.OriginalString);
        Assert.StartsWith("watched=;", cleared.Headers.GetValues("Set-Cookie").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/shield?season=1&episode=1")]
    public async Task The_way_back_never_leaves_the_site_or_loops(string back)
    {
        using var client = app.CreateReader();
        using var set = await client.GetAsync(new Uri($"/shield?season=2&episode=3&back={Uri.EscapeDataString(back)}", UriKind.Relative));
        Assert.Equal("/", set.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("season=4&episode=40", "shield-episode-error", "Season 4 has 14 episodes; there is no episode 40.")]
    [InlineData("season=12&episode=1", "shield-season-error", "There is no Season 12.")]
    [InlineData("season=4", "shield-episode-error", "Give the last episode you have watched.")]
    [InlineData("season=four&episode=1", "shield-season-error", "The value 'four' is not valid for Season.")]
    [InlineData("season=0&episode=1", "shield-season-error", "The season is a number from 1 to 99.")]
    public async Task A_shield_that_names_no_episode_is_refused_next_to_the_field_and_sets_nothing(string query, string errorId, string message)
    {
        using var client = app.CreateReader();
        using var response = await client.GetAsync(new Uri($"/shield?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, page.GetElementById(errorId)!.TextContent.Trim());
    }

    [Fact]
    public async Task A_season_page_hides_what_happens_after_the_reader_s_episode_and_shows_it_on_request()
    {
        var (_, full) = await app.GetPageAsync("/seasons/4");
        var (_, shielded) = await ShieldedAsync("/seasons/4", "s04e01");
        var (_, shown) = await ShieldedAsync("/seasons/4?spoilers=show", "s04e01");

        Assert.Equal(6, full.QuerySelectorAll(".event, .event-figure").Length);
        var visible = shielded.QuerySelectorAll(".event, .event-figure");
        Assert.StartsWith("Jim and Pam seem both quite happy", Assert.Single(visible).TextOfStory(), StringComparison.Ordinal);
        var notice = shielded.QuerySelector(".shield-notice")!;
        Assert.Equal("Your spoiler shield hides 5 parts of this season: they happen after Season 4, episode 1. Show them on this page", notice.TextContent.Trim());
        Assert.Equal("/seasons/4?spoilers=show", notice.QuerySelector("a")!.GetAttribute("href"));
        // The sidebar cites only what the reader can see.
        Assert.Equal(["Fun Run"], shielded.QuerySelectorAll(".cited-episodes li a").Select(a => a.TextContent));

        Assert.Equal(6, shown.QuerySelectorAll(".event, .event-figure").Length);
        Assert.StartsWith("You asked to see everything on this page", shown.QuerySelector(".shield-notice")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_later_season_is_hidden_whole_even_where_its_text_looks_back_at_an_episode_the_reader_has_seen()
    {
        // Season 9's montage paragraph cites "The Dundies" (Season 2) among its own season's episodes.
        var (_, dundies) = await ShieldedAsync("/episodes/the-dundies", "s02e05");

        Assert.NotNull(dundies.QuerySelector("h3"));
        Assert.Equal("Season 2", dundies.QuerySelector("h3")!.TextContent);
        Assert.Null(dundies.QuerySelector("details.spoiler"));
        Assert.Contains("hides 1 part of the story that cite this episode", dundies.QuerySelector(".shield-notice")!.TextContent, StringComparison.Ordinal);
        var (_, season9) = await ShieldedAsync("/seasons/9", "s02e05");
        Assert.Empty(season9.QuerySelectorAll(".event, .event-figure"));
    }

    [Fact]
    public async Task A_later_episode_shows_what_it_is_and_when_it_aired_but_no_story_until_the_reader_asks()
    {
        var (response, page) = await ShieldedAsync("/episodes/niagara", "s04e01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Niagara", page.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("Season 6, episode 4 · first aired 8 October 2009", page.QuerySelector(".episode-meta")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".citing-events li, .citing li, details.spoiler"));
        Assert.DoesNotContain("get married", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("hides 2 parts of the story that cite this episode", page.QuerySelector(".shield-notice")!.TextContent, StringComparison.Ordinal);

        var (_, shown) = await ShieldedAsync("/episodes/niagara?spoilers=show", "s04e01");
        Assert.Contains("married", shown.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visible_paragraph_keeps_a_later_milestone_to_itself()
    {
        // The Casino Night paragraph cites "The Secret" (2x19) as well, so a reader there sees it, but not its milestone (2x22).
        var (_, atTheSecret) = await ShieldedAsync("/seasons/2", "s02e19");
        var (_, atCasinoNight) = await ShieldedAsync("/seasons/2", "s02e22");

        var paragraph = atTheSecret.QuerySelectorAll(".event").Single(e => e.TextContent.Contains("kisses her", StringComparison.Ordinal));
        Assert.Null(paragraph.QuerySelector(".milestone-tag"));
        var later = atCasinoNight.QuerySelectorAll(".event").Single(e => e.TextContent.Contains("kisses her", StringComparison.Ordinal));
        Assert.Equal("Milestone: Jim confesses and kisses Pam", later.QuerySelector(".milestone-tag")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_home_page_gives_the_status_then_and_hides_later_jokes_summaries_and_the_epigraph()
    {
        var (_, full) = await app.GetPageAsync("/");
        var (_, page) = await ShieldedAsync("/", "s02e01");

        Assert.NotNull(full.QuerySelector("figure.epigraph"));
        Assert.Null(page.QuerySelector("figure.epigraph"));
        Assert.Equal("Status as of The Dundies", page.QuerySelector(".infobox dt:has(a)")!.TextContent.Split(" (")[0].Trim());
        Assert.StartsWith("Friends since", page.QuerySelector(".infobox dd.status")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Single(full.QuerySelectorAll("ul.jokes li"));
        Assert.Empty(page.QuerySelectorAll("ul.jokes li"));
        var cards = page.QuerySelectorAll(".season-card");
        Assert.DoesNotContain("Summary hidden", cards[0].TextContent, StringComparison.Ordinal);
        Assert.All(cards.Skip(1), card => Assert.Contains("Summary hidden by your spoiler shield.", card.TextContent, StringComparison.Ordinal));

        var (_, later) = await ShieldedAsync("/", "s05e01");
        Assert.Single(later.QuerySelectorAll("ul.jokes li"));
    }

    [Fact]
    public async Task A_shield_cookie_naming_no_episode_of_the_catalogue_is_no_error_and_gives_no_status_away()
    {
        var (response, page) = await ShieldedAsync("/", "s04e99");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector(".infobox dd.status"));
        Assert.Null(page.QuerySelector("[role=alert]"));
    }

    [Fact]
    public async Task The_timeline_ends_at_the_reader_s_episode()
    {
        var (_, page) = await ShieldedAsync("/timeline", "s04e01");

        Assert.Equal(["Season 1", "Season 2", "Season 3", "Season 4"], page.QuerySelectorAll("li.tl-band h2 a").Select(a => a.TextContent));
        Assert.Equal(7, page.QuerySelectorAll("a.tl-marker").Length);
        Assert.NotNull(page.QuerySelector("li.tl-band:last-child line.tl-now"));
        Assert.Contains("As of your episode (Season 4, episode 1), their status is Dating.", page.QuerySelector(".lede")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Married", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_character_page_hides_later_parts_that_name_them()
    {
        var (_, full) = await app.GetPageAsync("/characters/roy-anderson");
        var (_, page) = await ShieldedAsync("/characters/roy-anderson", "s02e01");

        var all = full.QuerySelectorAll(".mention, .season-group li").Length;
        var shown = page.QuerySelectorAll(".mention, .season-group li").Length;
        Assert.True(shown < all, $"{shown} of {all} shown");
        Assert.Contains($"hides {all - shown} part", page.QuerySelector(".shield-notice")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/seasons/4")]
    [InlineData("/episodes/niagara")]
    [InlineData("/timeline")]
    [InlineData("/")]
    public async Task With_no_shield_or_a_cookie_that_names_no_episode_nothing_changes(string url)
    {
        var (_, plain) = await app.GetPageAsync(url);
        var (_, junk) = await ShieldedAsync(url, "banana");

        Assert.Null(plain.QuerySelector(".shield-notice"));
        Assert.Equal(plain.QuerySelector("main")!.InnerHtml, junk.QuerySelector("main")!.InnerHtml);
    }
}
