using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using JimPam.Wiki.Tests.Pages;

namespace JimPam.Wiki.Tests.Infrastructure;

/// <summary>
/// asOf means one thing on every page and API resource: absent or empty, nothing; a code naming an episode of the
/// catalogue, shown as of that episode; anything else (malformed, an unknown episode, digits that are not ASCII, given
/// twice), a 400 that says why: the bad-address page on pages, a problem document in the API.
/// </summary>
[Trait("Engine", "Any")]
[Collection(SeededWiki.Name)]
public class AsOfTests(WikiAppFactory app)
{
    /// <summary>A sample address for each page and resource that answers GET; the test fails when the app has one this list lacks.</summary>
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["/"] = "/", ["/timeline"] = "/timeline", ["/relationships/{slug}"] = "/relationships/jim-and-pam?x=", ["/relationships/{slug}/timeline"] = "/relationships/jim-and-pam/timeline",
        ["/seasons"] = "/seasons", ["/seasons/{number:int}"] = "/seasons/3", ["/episodes"] = "/episodes", ["/episodes/{slug}"] = "/episodes/the-dundies",
        ["/characters"] = "/characters", ["/characters/{slug}"] = "/characters/pam-beesly", ["/search"] = "/search?q=pam", ["/recent-changes"] = "/recent-changes",
        ["/recent-changes.atom"] = "/recent-changes.atom", ["/history/{type}/{id:int}"] = "/history/episode/1", ["/missing"] = "/missing?title=The%20Dundys",
        ["/shield"] = "/shield", ["/api"] = "/api", ["/login"] = "/login", ["/not-found"] = "/not-found", ["/NotFound"] = "/NotFound", ["/Error"] = "/Error", ["/bad-address"] = "/bad-address",
        ["/admin"] = "/admin", ["/admin/account"] = "/admin/account", ["/admin/broken-links"] = "/admin/broken-links", ["/admin/events/new"] = "/admin/events/new",
        ["/admin/events/{id:int}/edit"] = "/admin/events/1/edit", ["/admin/episodes/{id:int}/edit"] = "/admin/episodes/1/edit", ["/admin/episodes/new"] = "/admin/episodes/new",
        ["/admin/characters/{id:int}/edit"] = "/admin/characters/1/edit", ["/admin/characters/new"] = "/admin/characters/new", ["/admin/jokes/{id:int}/edit"] = "/admin/jokes/1/edit",
        ["/admin/jokes/new"] = "/admin/jokes/new", ["/admin/relationships/{id:int}/edit"] = "/admin/relationships/1/edit", ["/admin/relationships/new"] = "/admin/relationships/new",
        ["/admin/seasons/{number:int}/edit"] = "/admin/seasons/3/edit", ["/admin/media"] = "/admin/media",
        ["/api/v1/"] = "/api/v1/", ["/api/v1/relationships/"] = "/api/v1/relationships", ["/api/v1/relationships/{slug}"] = "/api/v1/relationships/jim-and-pam",
        ["/api/v1/relationships/{slug}/timeline"] = "/api/v1/relationships/jim-and-pam/timeline",
        ["/api/v1/seasons/"] = "/api/v1/seasons", ["/api/v1/seasons/{number:int}"] = "/api/v1/seasons/3", ["/api/v1/episodes/"] = "/api/v1/episodes",
        ["/api/v1/episodes/{slug}"] = "/api/v1/episodes/the-dundies", ["/api/v1/characters/"] = "/api/v1/characters", ["/api/v1/characters/{slug}"] = "/api/v1/characters/pam-beesly",
        ["/api/v1/changes/"] = "/api/v1/changes", ["/api/v1/search/"] = "/api/v1/search?q=pam", ["/openapi/{documentName:regex(^v1$)}.json"] = "/openapi/v1.json", ["/openapi/{**rest}"] = "",
        ["/sitemap.xml"] = "", ["/media/{name}"] = "", ["/{**path:file}"] = "", ["/robots.txt"] = "", ["/healthz"] = "", ["/api/v1/{**rest}"] = "",
    };

    public static TheoryData<string, string, string> Values => new()
    {
        // value as sent, what it is, the message a 400 gives ("" when it is no 400)
        { "s04e01", "valid", "" },
        { "S4E1", "valid, any case and no leading zeros", "" },
        { "", "empty: no asOf", "" },
        { "s12e01", "an unknown episode", "asOf=s12e01: there is no Season 12, episode 1 in the catalogue." },
        { "s04e99", "an unknown episode", "asOf=s04e99: there is no Season 4, episode 99 in the catalogue." },
        { "banana", "malformed", "asOf=“banana” is not an episode. Write it as season and episode in digits, such as s04e01." },
        { "s04", "malformed", "asOf=“s04” is not an episode. Write it as season and episode in digits, such as s04e01." },
        { "s٠٤e٠١", "Arabic-Indic digits", "asOf=“s٠٤e٠١” is not an episode. Write it as season and episode in digits, such as s04e01." },
        { "s０４e０１", "full-width digits", "asOf=“s０４e０１” is not an episode. Write it as season and episode in digits, such as s04e01." },
    };

    [Fact]
    public async Task Every_page_and_resource_that_answers_get_has_a_sample()
    {
        var templates = await AppRoutes.ReadAsync(app.Services);

        var missing = templates.Select(t => t.Template).Where(t => !Samples.ContainsKey(t)).ToList();
        Assert.True(missing.Count == 0, "No sample for " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Every_page_and_api_resource_reads_asOf_the_same_way(string value, string what, string message)
    {
        using var client = app.CreateReader();
        foreach (var (template, api) in (await AppRoutes.ReadAsync(app.Services)).Select(r => (r.Template, r.Api)))
        {
            if (!Samples.TryGetValue(template, out var sample) || sample.Length == 0)
            {
                continue;
            }

            var url = sample + (sample.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "asOf=" + Uri.EscapeDataString(value);
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            if (message.Length == 0)
            {
                Assert.True(response.StatusCode != HttpStatusCode.BadRequest, $"{url} ({what}): {response.StatusCode}");
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} ({what}): {response.StatusCode}");
            if (api)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                using var json = JsonDocument.Parse(body);
                Assert.Equal(message, json.RootElement.GetProperty("detail").GetString());
            }
            else
            {
                var page = new HtmlParser().ParseDocument(body);
                Assert.Equal(message, page.QuerySelector("main [role=alert]")!.TextContent.Trim());
                var back = page.QuerySelectorAll("main a").Single(a => a.TextContent == "The same page without asOf").GetAttribute("href")!;
                Assert.DoesNotContain("asOf", back, StringComparison.Ordinal);
                Assert.StartsWith(sample.Split('?')[0], back, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task An_asOf_given_twice_is_refused_too()
    {
        var (response, page) = await app.GetPageAsync("/seasons/3?asOf=s01e01&asOf=s02e01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("asOf is given more than once. Give one episode, such as asOf=s04e01.", page.QuerySelector("main [role=alert]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_page_as_of_an_episode_hides_what_comes_later_as_the_shield_does()
    {
        var (_, all) = await app.GetPageAsync("/seasons/4");
        var (response, early) = await app.GetPageAsync("/seasons/4?asOf=s04e01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(early.QuerySelectorAll(".event").Length < all.QuerySelectorAll(".event").Length);
        Assert.Contains("after Season 4, episode 1", early.QuerySelector(".shield-notice")!.TextContent, StringComparison.Ordinal);
        var (_, cachedAgain) = await app.GetPageAsync("/seasons/4");
        Assert.Equal(all.QuerySelectorAll(".event").Length, cachedAgain.QuerySelectorAll(".event").Length);
    }
}
