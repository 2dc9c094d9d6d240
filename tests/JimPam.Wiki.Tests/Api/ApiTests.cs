using System.Net;
using System.Text.Json;
using JimPam.Wiki.Tests.Pages;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Api;

/// <summary>The JSON API on the seeded wiki, as a program using it sees it.</summary>
[Collection(SeededWiki.Name)]
public class ApiTests(WikiAppFactory app)
{
    private async Task<(HttpResponseMessage Response, JsonElement Json)> GetAsync(string url)
    {
        using var client = app.CreateReader();
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static void IsJson(HttpResponseMessage response) =>
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);

    private static string[] Names(JsonElement array, string property) =>
        [.. array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!)];

    [Fact]
    public async Task The_index_links_every_collection_by_its_absolute_address()
    {
        var (response, json) = await GetAsync("/api/v1");

        IsJson(response);
        var resources = json.GetProperty("resources");
        foreach (var name in new[] { "relationships", "seasons", "episodes", "characters", "changes", "search" })
        {
            var link = new Uri(resources.GetProperty(name).GetString()!);
            Assert.True(link.IsAbsoluteUri);
            var (followed, _) = await GetAsync(link.PathAndQuery + (name == "search" ? "teapot" : ""));
            Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        }
    }

    [Fact]
    public async Task Relationships_list_the_couple_with_members_status_and_links()
    {
        var (response, json) = await GetAsync("/api/v1/relationships");

        IsJson(response);
        var couple = Assert.Single(json.GetProperty("relationships").EnumerateArray().ToList());
        Assert.Equal("jim-and-pam", couple.GetProperty("slug").GetString());
        Assert.Equal("Married", couple.GetProperty("status").GetString());
        Assert.Equal(["Jim Halpert", "Pam Beesly"], Names(couple.GetProperty("members"), "name"));
        Assert.EndsWith("/api/v1/relationships/jim-and-pam", couple.GetProperty("link").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("http", couple.GetProperty("members")[0].GetProperty("link").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relationship_has_its_article_as_markdown_and_html_with_milestones_and_jokes()
    {
        var (response, json) = await GetAsync("/api/v1/relationships/jim-and-pam");

        IsJson(response);
        Assert.StartsWith("Jim Halpert and Pamela Morgan Beesly", json.GetProperty("introMarkdown").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("<p>Jim Halpert", json.GetProperty("introHtml").GetString(), StringComparison.Ordinal);
        Assert.Equal(17, json.GetProperty("milestones").GetArrayLength());
        Assert.True(json.GetProperty("jokes").GetArrayLength() > 0);
        Assert.NotEqual(JsonValueKind.Null, json.GetProperty("quote").ValueKind);
        Assert.Equal(9, json.GetProperty("seasons").GetArrayLength());
        Assert.Equal(0, json.GetProperty("hiddenByAsOf").GetInt32());
    }

    [Fact]
    public async Task A_season_has_its_events_with_markdown_html_citations_mentions_and_iso_dates()
    {
        var (response, json) = await GetAsync("/api/v1/seasons/5");

        IsJson(response);
        Assert.Equal(5, json.GetProperty("number").GetInt32());
        var events = json.GetProperty("events").EnumerateArray().ToList();
        Assert.NotEmpty(events);
        var proposal = events.Single(e => e.GetProperty("markdown").GetString()!.Contains("gas station", StringComparison.Ordinal));
        Assert.Contains("gas station", proposal.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal("engaged", proposal.GetProperty("milestone").GetProperty("status").GetString()!.ToLowerInvariant());
        Assert.Contains("Weight Loss", Names(proposal.GetProperty("citations"), "title"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", proposal.GetProperty("citations")[0].GetProperty("airDate").GetString()!);
        Assert.Contains("pam-beesly", Names(proposal.GetProperty("mentions"), "slug"));
        Assert.Matches(@"/seasons/5#event-\d+$", proposal.GetProperty("pageLink").GetString()!);
        Assert.Equal("paragraph", proposal.GetProperty("kind").GetString());
        Assert.EndsWith("/api/v1/seasons/6", json.GetProperty("next").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seasons_episodes_and_characters_list_everything_in_order()
    {
        var (_, seasons) = await GetAsync("/api/v1/seasons");
        Assert.Equal(Enumerable.Range(1, 9), seasons.GetProperty("seasons").EnumerateArray().Select(s => s.GetProperty("number").GetInt32()));

        var (_, episodes) = await GetAsync("/api/v1/episodes");
        var list = episodes.GetProperty("episodes").EnumerateArray().ToList();
        Assert.Equal(186, list.Count);
        Assert.Equal("Pilot", list[0].GetProperty("title").GetString());
        Assert.Equal("2005-03-24", list[0].GetProperty("airDate").GetString());

        var (_, characters) = await GetAsync("/api/v1/characters");
        Assert.Contains("Pam Beesly", Names(characters.GetProperty("characters"), "name"));
    }

    [Fact]
    public async Task An_episode_has_its_citing_events_and_a_character_its_couples_and_mentions()
    {
        var (_, episode) = await GetAsync("/api/v1/episodes/the-dundies");
        Assert.Equal("The Dundies", episode.GetProperty("title").GetString());
        Assert.Contains(episode.GetProperty("citingEvents").EnumerateArray(), e => e.GetProperty("markdown").GetString()!.Contains("first on-camera kiss", StringComparison.Ordinal));

        var (_, pam) = await GetAsync("/api/v1/characters/pam-beesly");
        Assert.Equal("Jenna Fischer", pam.GetProperty("actor").GetString());
        Assert.Equal(["jim-and-pam"], Names(pam.GetProperty("relationships"), "slug"));
        Assert.True(pam.GetProperty("mentions").GetArrayLength() > 10);
    }

    [Fact]
    public async Task Recent_changes_say_who_saved_what_and_when_in_iso_8601()
    {
        var (_, json) = await GetAsync("/api/v1/changes?count=3");

        var changes = json.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(3, changes.Count);
        Assert.All(changes, c => Assert.True(DateTimeOffset.TryParseExact(c.GetProperty("savedAt").GetString(), "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", null, System.Globalization.DateTimeStyles.None, out _)));
        Assert.All(changes, c => Assert.Equal("import", c.GetProperty("author").GetString()));
    }

    [Fact]
    public async Task Search_answers_with_marked_snippets_and_page_links()
    {
        var (_, json) = await GetAsync("/api/v1/search?q=teapot");

        Assert.Equal(1, json.GetProperty("total").GetInt32());
        var hit = json.GetProperty("hits")[0];
        Assert.Equal("story", hit.GetProperty("kind").GetString());
        Assert.Contains("<mark>teapot</mark>", hit.GetProperty("snippetHtml").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"^http://[^/]+/seasons/9#event-\d+$", hit.GetProperty("html").GetString()!);

        var (_, paged) = await GetAsync("/api/v1/search?q=pam");
        Assert.Equal(20, paged.GetProperty("hits").GetArrayLength());
        Assert.Contains("page=2", paged.GetProperty("next").GetString(), StringComparison.Ordinal);

        var (_, empty) = await GetAsync("/api/v1/search?q=%22");
        Assert.Contains("no word to search for", empty.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/seasons/5")]
    [InlineData("/api/v1/relationships/jim-and-pam")]
    [InlineData("/api/v1/episodes/the-dundies?asOf=s02e01")]
    [InlineData("/api/v1/characters")]
    [InlineData("/api/v1/changes")]
    [InlineData("/api/v1/search?q=pam")]
    public async Task Every_resource_has_an_etag_and_answers_304_to_it(string url)
    {
        using var client = app.CreateReader();
        using var first = await client.GetAsync(new Uri(url, UriKind.Relative));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(etag, head.Headers.ETag);
    }

    [Fact]
    public async Task As_of_an_episode_only_what_a_viewer_has_seen_is_returned()
    {
        var (_, all) = await GetAsync("/api/v1/seasons/4");
        var (_, early) = await GetAsync("/api/v1/seasons/4?asOf=s04e01");
        var total = all.GetProperty("events").GetArrayLength();
        var shown = early.GetProperty("events").GetArrayLength();
        Assert.True(shown < total);
        Assert.Equal(total - shown, early.GetProperty("hiddenByAsOf").GetInt32());
        Assert.Equal("s04e01", early.GetProperty("asOf").GetString());

        var (_, couple) = await GetAsync("/api/v1/relationships/jim-and-pam?asOf=s02e01");
        Assert.Equal("Friends", couple.GetProperty("status").GetString());
        Assert.DoesNotContain("Married", couple.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("status").GetString()));

        var (_, beforeProposal) = await GetAsync("/api/v1/search?q=gas+station&asOf=s03e01");
        Assert.Equal(0, beforeProposal.GetProperty("total").GetInt32());
        Assert.Equal(1, beforeProposal.GetProperty("hiddenByAsOf").GetInt32());

        var (_, pam) = await GetAsync("/api/v1/characters/pam-beesly?asOf=s01e01");
        Assert.True(pam.GetProperty("hiddenByAsOf").GetInt32() > 10);
    }

    [Theory]
    [InlineData("/api/v1/seasons/4?asOf=banana", 400, "is not an episode")]
    [InlineData("/api/v1/relationships?asOf=s4", 400, "is not an episode")]
    [InlineData("/api/v1/episodes/pilot?asOf=s10e01", 400, "there is no Season 10, episode 1")]
    [InlineData("/api/v1/changes?count=0", 400, "count must be")]
    [InlineData("/api/v1/search?q=pam&type=widgets", 400, "is not a kind of result")]
    [InlineData("/api/v1/relationships/ross-and-rachel", 404, "no relationship")]
    [InlineData("/api/v1/seasons/12", 404, "no season 12")]
    [InlineData("/api/v1/episodes/the-dundys", 404, "no episode")]
    [InlineData("/api/v1/characters/nobody", 404, "no character")]
    [InlineData("/api/v1/widgets", 404, "no such resource")]
    public async Task Errors_are_problem_details_that_say_what_is_wrong(string url, int status, string detail)
    {
        var (response, json) = await GetAsync(url);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("title").GetString()));
        Assert.Contains(detail, json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task The_api_is_read_only(string method)
    {
        using var client = app.CreateReader();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri("/api/v1/seasons/1", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, HEAD", string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_route()
    {
        var (response, json) = await GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var described = json.GetProperty("paths").EnumerateObject()
            .Where(p => p.Value.TryGetProperty("get", out _))
            .Select(p => p.Name.TrimEnd('/'))
            .ToHashSet();

        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<JimPam.Wiki.Infrastructure.ApiResource>() is not null
                        && e.RoutePattern.RawText!.StartsWith("/api/v1", StringComparison.Ordinal)
                        && e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!, @":[a-z]+\}", "}").TrimEnd('/'))
            .ToHashSet();

        Assert.Equal(11, routes.Count);
        Assert.Equal(routes.Order(), described.Order());
        foreach (var path in json.GetProperty("paths").EnumerateObject())
        {
            var operation = path.Value.GetProperty("get");
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()), path.Name);
            Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _), path.Name);
        }
    }

    [Fact]
    public async Task The_reference_page_lists_every_resource_with_its_parameters()
    {
        var (response, page) = await app.GetPageAsync("/api");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var resources = page.QuerySelectorAll(".api-resource h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(11, resources.Count);
        Assert.Contains("GET /api/v1/seasons/{number}", resources);
        Assert.Contains("asOf", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Retry-After", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}

/// <summary>The API's rate limit, on an app of its own with a small limit.</summary>
public sealed class ApiRateLimitTests : IDisposable
{
    private readonly WikiAppFactory _app = new();

    [Fact]
    public async Task A_client_over_the_limit_gets_429_with_retry_after_and_the_site_still_answers()
    {
        // A window of ten minutes: the four requests fall in one window however slow the machine.
        using var limited = _app.WithWebHostBuilder(b => b.UseSetting("Wiki:ApiRequestsPerMinute", "3").UseSetting("Wiki:RateLimitWindow", "00:10:00"));
        using var client = limited.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync(new Uri("/api/v1/seasons", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await client.GetAsync(new Uri("/api/v1/seasons", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 600);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(429, json.RootElement.GetProperty("status").GetInt32());

        // Pages are not the API: a reader is never refused the wiki itself.
        using var page = await client.GetAsync(new Uri("/seasons/1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
