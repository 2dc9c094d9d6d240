using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using JimPam.Wiki.Tests.Pages;

namespace JimPam.Wiki.Tests.Infrastructure;

/// <summary>What the server owes any client: 405 for methods a page does not handle, one address per page, compression and validators.</summary>
[Trait("Engine", "Any")]
[Collection(SeededWiki.Name)]
public class RequestTests(WikiAppFactory app)
{
    public static TheoryData<string, string> PagesAndMethods()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in new[] { "/", "/seasons", "/seasons/3", "/episodes", "/episodes/the-dundies", "/characters", "/characters/pam-beesly", "/missing?title=Nope", "/recent-changes", "/recent-changes.atom", "/history/event/1" })
        {
            foreach (var method in new[] { "TRACE", "PUT", "DELETE", "PATCH", "OPTIONS", "POST" })
            {
                data.Add(page, method);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndMethods))]
    public async Task A_method_the_page_does_not_handle_gets_405_with_the_methods_it_does(string page, string method)
    {
        using var client = app.CreateReader();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(page, UriKind.Relative));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TRACE")]
    [InlineData("POST")]
    public async Task The_health_check_answers_only_get_and_head(string method)
    {
        using var client = app.CreateReader();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri("/healthz", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/Error")]
    [InlineData("/error")]
    public async Task The_error_page_asked_for_by_its_own_address_is_not_found(string url)
    {
        var (response, page) = await app.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Head_on_a_page_answers_like_get_without_a_body()
    {
        using var client = app.CreateReader();
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri("/seasons/3", UriKind.Relative));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_forged_host_header_never_reaches_the_canonical_link()
    {
        using var client = app.CreateReader();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/seasons/3", UriKind.Relative));
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal("http://127.0.0.1:5080/seasons/3", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_configured_public_address_is_the_canonical_one()
    {
        await using var configured = WikiAppFactory.OnDatabase(app.DatabasePath).With("Wiki:PublicBaseUrl", "https://jimpam.example/");
        using var client = configured.CreateClient();

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/characters/pam-beesly", UriKind.Relative)));

        Assert.Equal("https://jimpam.example/characters/pam-beesly", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/Seasons/3", "/seasons/3")]
    [InlineData("/seasons/03", "/seasons/3")]
    [InlineData("/seasons/+3", "/seasons/3")]
    [InlineData("/seasons/3/", "/seasons/3")]
    [InlineData("/SEASONS", "/seasons")]
    [InlineData("/seasons/", "/seasons")]
    [InlineData("/episodes/caf%C3%A9-disco", "/episodes/cafe-disco")]
    [InlineData("/episodes/Cafe-Disco", "/episodes/cafe-disco")]
    [InlineData("/Episodes/The-Dundies/", "/episodes/the-dundies")]
    [InlineData("/characters/Pam-Beesly", "/characters/pam-beesly")]
    [InlineData("/Characters/", "/characters")]
    [InlineData("/Seasons/3?from=share", "/seasons/3?from=share")]
    public async Task Every_other_spelling_of_an_address_redirects_permanently_to_the_one_canonical_form(string requested, string canonical)
    {
        using var client = app.CreateReader();

        using var response = await client.GetAsync(new Uri(requested, UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location!.OriginalString);
        using var followed = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
    }

    [Fact]
    public async Task Every_episode_and_character_address_is_plain_lower_case_ascii()
    {
        var addresses = new List<string>();
        foreach (var list in new[] { "/episodes", "/characters" })
        {
            var (_, page) = await app.GetPageAsync(list);
            addresses.AddRange(page.QuerySelectorAll("main a[href^='/episodes/'], main a[href^='/characters/']").Select(a => a.GetAttribute("href")!));
        }

        Assert.Equal(SeedCounts.Episodes + SeedCounts.Characters, addresses.Distinct().Count());
        Assert.All(addresses, address => Assert.Matches("^/(episodes|characters)/[a-z0-9]+(-[a-z0-9]+)*$", address));
        Assert.Contains("/episodes/cafe-disco", addresses);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_are_compressed_for_clients_that_accept_it(string encoding)
    {
        var plain = await app.CreateReader().GetStringAsync(new Uri("/characters/pam-beesly", UriKind.Relative));
        using var client = app.CreateReader();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/characters/pam-beesly", UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        using var response = await client.SendAsync(request);
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decoded = encoding == "br" ? new BrotliStream(body, CompressionMode.Decompress) : new GZipStream(body, CompressionMode.Decompress);
        using var reader = new StreamReader(decoded);

        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);

        // The same page, but for the "last edited ... ago" wording, which the minute between the two reads may change.
        static string WithoutAge(string html) => System.Text.RegularExpressions.Regex.Replace(html, "(<time [^>]*>)[^<]*(</time>)", "$1$2");
        Assert.Equal(WithoutAge(plain), WithoutAge(await reader.ReadToEndAsync()));
    }

    [Fact]
    public async Task A_page_the_reader_already_has_revalidates_to_a_bodiless_304()
    {
        using var client = app.CreateReader();
        using var first = await client.GetAsync(new Uri("/seasons/3", UriKind.Relative));
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/seasons/3", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(etag);
        using var again = await client.SendAsync(request);

        Assert.True(etag.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag);
        using var other = await client.GetAsync(new Uri("/seasons/4", UriKind.Relative));
        Assert.NotEqual(etag, other.Headers.ETag);
    }

    [Fact]
    public async Task Only_fingerprinted_assets_are_cached_for_a_year_and_the_rest_revalidate()
    {
        var (_, page) = await app.GetPageAsync("/");
        using var client = app.CreateReader();

        using var fingerprinted = await client.GetAsync(new Uri(page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal("text/css", fingerprinted.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", fingerprinted.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(365), fingerprinted.Headers.CacheControl!.MaxAge);

        foreach (var plain in new[] { "/css/site.css", "/robots.txt", "/favicon.svg" })
        {
            using var response = await client.GetAsync(new Uri(plain, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
            Assert.NotNull(response.Headers.ETag);
        }
    }

    [Fact]
    public async Task The_footnote_marker_is_plain_superscript_text_with_no_aria_label()
    {
        var (_, page) = await app.GetPageAsync("/");

        var marker = page.QuerySelector("sup.footnote-ref")!;
        Assert.Equal("[1]", marker.TextContent);
        Assert.False(marker.HasAttribute("aria-label"));
    }
}
