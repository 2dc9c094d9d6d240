using System.Net;
using JimPam.Wiki.Tests.Pages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Api;

/// <summary>What every resource of the API keeps to: ETags, asOf, problem details, read-only methods, the OpenAPI document and the reference page.</summary>
[Trait("Engine", "Any")]
[Collection(SeededWiki.Name)]
public class ApiContractTests(WikiAppFactory app)
{
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
        var (_, all) = await ApiJson.GetAsync(app, "/api/v1/seasons/4");
        var (_, early) = await ApiJson.GetAsync(app, "/api/v1/seasons/4?asOf=s04e01");
        var total = all.GetProperty("events").GetArrayLength();
        var shown = early.GetProperty("events").GetArrayLength();
        Assert.True(shown < total);
        Assert.Equal(total - shown, early.GetProperty("hiddenByAsOf").GetInt32());
        Assert.Equal("s04e01", early.GetProperty("asOf").GetString());

        var (_, relationship) = await ApiJson.GetAsync(app, "/api/v1/relationships/jim-and-pam?asOf=s02e01");
        Assert.Equal("Friends", relationship.GetProperty("status").GetString());
        Assert.DoesNotContain("Married", relationship.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("status").GetString()));

        var (_, beforeProposal) = await ApiJson.GetAsync(app, "/api/v1/search?q=gas+station&asOf=s03e01");
        Assert.Equal(0, beforeProposal.GetProperty("total").GetInt32());
        Assert.Equal(1, beforeProposal.GetProperty("hiddenByAsOf").GetInt32());

        var (_, pam) = await ApiJson.GetAsync(app, "/api/v1/characters/pam-beesly?asOf=s01e01");
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
        var (response, json) = await ApiJson.GetAsync(app, url);

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
        var (response, json) = await ApiJson.GetAsync(app, "/openapi/v1.json");
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

        Assert.Equal(12, routes.Count);
        Assert.Equal(routes.Order(), described.Order());
        foreach (var path in json.GetProperty("paths").EnumerateObject())
        {
            var operation = path.Value.GetProperty("get");
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()), path.Name);
            Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _), path.Name);
        }
    }

    /// <summary>The glossary's retired words: a relationship was a "couple", an event a "part" of the "story".</summary>
    private static readonly string[] RetiredWords = ["couple", "story", "part"];

    [Fact]
    public async Task The_openapi_document_and_the_routes_use_the_glossarys_words_not_the_retired_ones()
    {
        var (_, json) = await ApiJson.GetAsync(app, "/openapi/v1.json");

        // Paths, operation ids, schema and property names, and every summary: none names a retired word.
        var names = new List<string>();
        foreach (var path in json.GetProperty("paths").EnumerateObject())
        {
            names.Add(path.Name);
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Value.ValueKind == System.Text.Json.JsonValueKind.Object))
            {
                names.Add(operation.Value.TryGetProperty("operationId", out var id) ? id.GetString()! : "");
                names.Add(operation.Value.TryGetProperty("summary", out var summary) ? summary.GetString()! : "");
                if (operation.Value.TryGetProperty("parameters", out var parameters))
                {
                    names.AddRange(parameters.EnumerateArray().Select(p => p.GetProperty("name").GetString()!));
                }
            }
        }

        foreach (var schema in json.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            names.Add(schema.Name);
            if (schema.Value.TryGetProperty("properties", out var properties))
            {
                names.AddRange(properties.EnumerateObject().Select(p => p.Name));
            }
        }

        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText ?? "").ToList();
        Assert.True(names.Count > 100, $"only {names.Count} names read");
        Assert.DoesNotContain(names.Concat(routes), n => RetiredWords.Any(w => Retired(n, w)));

        // Nor does any description say "couple".
        Assert.DoesNotContain("couple", json.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A name holds the word: as a word of its own in any case ("couple", "couples"), or as a part of an identifier ("StoryEvent").</summary>
    private static bool Retired(string name, string word) =>
        System.Text.RegularExpressions.Regex.IsMatch(name, $@"(?i:(^|[^a-z]){word}(s|[^a-z]|$))|{char.ToUpperInvariant(word[0])}{word[1..]}");

    [Fact]
    public async Task The_reference_page_lists_every_resource_with_its_parameters()
    {
        var (response, page) = await app.GetPageAsync("/api");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var resources = page.QuerySelectorAll(".api-resource h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(12, resources.Count);
        Assert.Contains("GET /api/v1/seasons/{number}", resources);
        Assert.Contains("GET /api/v1/relationships/{slug}/timeline", resources);
        Assert.Contains("asOf", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Retry-After", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
