using System.Net;
using System.Text.RegularExpressions;
using JimPam.Wiki.Content;

namespace JimPam.Wiki.Tests.Pages;

/// <summary>Everything in the source article can be read on the site, and every citation leads to the right episode.</summary>
[Trait("Engine", "Any")]
[Collection(SeededWiki.Name)]
public partial class SourceArticleReachabilityTests(WikiAppFactory app)
{
    private static readonly string[] ArticlePages = ["/", .. Enumerable.Range(1, 9).Select(n => $"/seasons/{n}")];

    [Fact]
    public async Task Every_line_of_the_source_article_can_be_read_on_the_site()
    {
        var siteText = new List<string>();
        foreach (var url in ArticlePages)
        {
            var (_, page) = await app.GetPageAsync(url);
            siteText.AddRange(page.QuerySelectorAll("main p, main li, main h1, main h2, main figcaption, main blockquote, main .image-slot, main dt, main dd")
                .Select(e => Normalise(e.TextContent)));
        }

        var missing = new List<string>();
        foreach (var line in TestPaths.ArticleText.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var expected = Normalise(ExpectedOnSite(line));
            if (!siteText.Any(text => text.Contains(expected, StringComparison.Ordinal)))
            {
                missing.Add(line);
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Every_citation_on_the_season_pages_leads_to_the_episode_it_names()
    {
        var citations = new List<(string Text, string Href)>();
        foreach (var url in ArticlePages.Skip(1))
        {
            var (_, page) = await app.GetPageAsync(url);
            citations.AddRange(page.QuerySelectorAll("article a.citation").Select(a => (a.TextContent, a.GetAttribute("href")!)));
        }

        // 64 in the season sections; the 65th is the recurring joke's, checked on the joke sidebar.
        Assert.Equal(64, citations.Count);
        foreach (var (text, href) in citations.Distinct())
        {
            var (response, episode) = await app.GetPageAsync(href);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var title = episode.QuerySelector("h1")!.TextContent;
            var aliases = episode.QuerySelector(".aliases")?.TextContent ?? "";
            Assert.True(
                Slug.TitleKey(title) == Slug.TitleKey(text) || aliases.Contains(text, StringComparison.Ordinal),
                $"The citation \"{text}\" leads to \"{title}\"");
        }
    }

    /// <summary>How the site shows a source line: headings without "[]", bullets without the bullet, the status in the infobox.</summary>
    private static string ExpectedOnSite(string line)
    {
        if (line.EndsWith("[]", StringComparison.Ordinal))
        {
            return line[..^2];
        }

        if (line.StartsWith('•'))
        {
            return line[1..].Trim();
        }

        return line.StartsWith("Status: ", StringComparison.Ordinal) ? line["Status: ".Length..] : line;
    }

    private static string Normalise(string text) =>
        Whitespace().Replace(text, " ").Replace("— ", "—", StringComparison.Ordinal).Replace(" ,", ",", StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"[\s\u00a0]+")]
    private static partial Regex Whitespace();
}
