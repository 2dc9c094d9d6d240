using System.Net;

namespace JimPam.Wiki.Tests.Pages;

/// <summary>What every page owes a reader and a search engine, and what the server owes every response.</summary>
[Trait("Engine", "Any")]
[Collection(SeededWiki.Name)]
public class EveryPageTests(WikiAppFactory app)
{
    public static TheoryData<string> Pages =>
    [
        "/", "/timeline", "/seasons", "/seasons/3", "/episodes", "/episodes/the-dundies", "/characters", "/characters/jim-halpert",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_has_landmarks_a_title_a_description_and_a_canonical_url(string url)
    {
        var (response, page) = await app.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("header nav"));
        Assert.NotNull(page.QuerySelector("main#content"));
        Assert.NotNull(page.QuerySelector("main article, main h1"));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.EndsWith(" · JimPam.Wiki", page.Title, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name=description]")?.GetAttribute("content")));
        // No Wiki:PublicBaseUrl is set here, so the canonical address is the one the app listens on (appsettings' Urls).
        Assert.Equal("http://127.0.0.1:5080" + url, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        // Fingerprinted by MapStaticAssets, so a changed stylesheet has a new address.
        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_gives_a_shared_link_a_preview_with_open_graph_and_twitter_card_tags(string url)
    {
        var (_, page) = await app.GetPageAsync(url);
        string? Meta(string selector) => page.QuerySelector(selector)?.GetAttribute("content");

        var title = page.Title!.Replace(" · JimPam.Wiki", "", StringComparison.Ordinal);
        Assert.Equal(title, Meta("meta[property='og:title']"));
        Assert.Equal(title, Meta("meta[name='twitter:title']"));
        var description = Meta("meta[name=description]");
        Assert.Equal(description, Meta("meta[property='og:description']"));
        Assert.Equal(description, Meta("meta[name='twitter:description']"));
        Assert.Equal(page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), Meta("meta[property='og:url']"));
        Assert.Equal("JimPam.Wiki", Meta("meta[property='og:site_name']"));
        Assert.Equal("summary", Meta("meta[name='twitter:card']"));
        Assert.Equal(url == "/" ? "website" : "article", Meta("meta[property='og:type']"));
    }

    [Fact]
    public async Task Responses_carry_security_headers_with_a_csp_that_allows_no_inline_script()
    {
        var (response, _) = await app.GetPageAsync("/");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task The_stylesheet_is_served_with_long_cache_headers()
    {
        var (_, page) = await app.GetPageAsync("/");
        using var client = app.CreateReader();

        var response = await client.GetAsync(new Uri(page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("max-age=31536000", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_check_answers_200_when_the_database_is_reachable()
    {
        using var client = app.CreateReader();
        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_address_answers_the_404_page_with_a_way_back()
    {
        var (response, page) = await app.GetPageAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("/no/such/page", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task A_broken_wiki_link_target_answers_404_naming_the_missing_title()
    {
        var (response, page) = await app.GetPageAsync("/missing?title=The%20Dundys");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("The Dundys", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Season_list_links_every_season()
    {
        var (_, page) = await app.GetPageAsync("/seasons");

        Assert.Equal(Enumerable.Range(1, 9).Select(n => $"/seasons/{n}"), page.QuerySelectorAll(".season-card a").Select(a => a.GetAttribute("href")));
    }
}
