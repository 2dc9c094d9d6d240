using System.Net;
using System.Xml.Linq;

namespace JimPam.Wiki.Tests.Pages.Sitemap;

/// <summary>/sitemap.xml lists every public page with its last edit, and robots.txt points crawlers at it.</summary>
[Trait("Engine", "Any")]
[Collection(SeededWiki.Name)]
public class SitemapTests(WikiAppFactory app)
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task The_sitemap_lists_every_public_page_by_its_canonical_address_and_each_answers_200()
    {
        using var client = app.CreateReader();
        using var response = await client.GetAsync(new Uri("/sitemap.xml", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var urls = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements(Ns + "url").ToList();
        var paths = urls.Select(u => new Uri(u.Element(Ns + "loc")!.Value)).ToList();
        Assert.All(paths, p => Assert.Equal("http://127.0.0.1:5080", p.GetLeftPart(UriPartial.Authority)));
        var local = paths.Select(p => p.AbsolutePath).ToList();
        Assert.Equal(local.Count, local.Distinct().Count());
        Assert.Contains("/", local);
        Assert.Contains("/timeline", local);
        Assert.Contains("/recent-changes", local);
        Assert.Equal(9, local.Count(p => p.StartsWith("/seasons/", StringComparison.Ordinal)));
        Assert.Equal(186, local.Count(p => p.StartsWith("/episodes/", StringComparison.Ordinal)));
        Assert.Equal(24, local.Count(p => p.StartsWith("/characters/", StringComparison.Ordinal)));

        // Every address is a page a reader gets, not a redirect.
        foreach (var path in local)
        {
            using var page = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{path} answers {(int)page.StatusCode}");
        }
    }

    [Fact]
    public async Task Each_page_carries_the_time_of_its_last_edit()
    {
        using var client = app.CreateReader();
        var urls = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative))).Root!.Elements(Ns + "url").ToList();

        string LastMod(string path) => urls.Single(u => new Uri(u.Element(Ns + "loc")!.Value).AbsolutePath == path).Element(Ns + "lastmod")!.Value;
        Assert.All(urls, u => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", u.Element(Ns + "lastmod")!.Value));
        var season = DateTimeOffset.Parse(LastMod("/seasons/3"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(season <= DateTimeOffset.UtcNow.AddMinutes(1) && season > DateTimeOffset.UtcNow.AddDays(-1), $"{season} is the seed import's time");
    }

    [Fact]
    public async Task Robots_txt_names_the_sitemap_by_its_absolute_address()
    {
        using var client = app.CreateReader();
        var robots = await client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.Contains("Sitemap: http://127.0.0.1:5080/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /missing", robots, StringComparison.Ordinal);
    }
}
