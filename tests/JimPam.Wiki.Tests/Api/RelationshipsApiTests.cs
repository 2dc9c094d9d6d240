using System.Text.Json;
using JimPam.Wiki.Tests.Pages;

namespace JimPam.Wiki.Tests.Api;

/// <summary>/api/v1/relationships: the couples and their articles.</summary>
[Trait("Engine", "Any")]
[Collection(SeededWiki.Name)]
public class RelationshipsApiTests(WikiAppFactory app)
{
    [Fact]
    public async Task Relationships_list_the_couple_with_members_status_and_links()
    {
        var (response, json) = await ApiJson.GetAsync(app, "/api/v1/relationships");

        ApiJson.IsJson(response);
        var relationship = Assert.Single(json.GetProperty("relationships").EnumerateArray().ToList());
        Assert.Equal("jim-and-pam", relationship.GetProperty("slug").GetString());
        Assert.Equal("Married", relationship.GetProperty("status").GetString());
        Assert.Equal(["Jim Halpert", "Pam Beesly"], ApiJson.Names(relationship.GetProperty("members"), "name"));
        Assert.EndsWith("/api/v1/relationships/jim-and-pam", relationship.GetProperty("link").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("http", relationship.GetProperty("members")[0].GetProperty("link").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relationship_has_its_article_as_markdown_and_html_with_milestones_and_jokes()
    {
        var (response, json) = await ApiJson.GetAsync(app, "/api/v1/relationships/jim-and-pam");

        ApiJson.IsJson(response);
        Assert.StartsWith("Jim Halpert and Pamela Morgan Beesly", json.GetProperty("introMarkdown").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("<p>Jim Halpert", json.GetProperty("introHtml").GetString(), StringComparison.Ordinal);
        Assert.Equal(17, json.GetProperty("milestones").GetArrayLength());
        Assert.True(json.GetProperty("jokes").GetArrayLength() > 0);
        Assert.NotEqual(JsonValueKind.Null, json.GetProperty("quote").ValueKind);
        Assert.Equal(9, json.GetProperty("seasons").GetArrayLength());
        Assert.Equal(0, json.GetProperty("hiddenByAsOf").GetInt32());
    }

    [Fact]
    public async Task A_relationships_timeline_has_every_season_event_and_milestone_in_order()
    {
        var (response, json) = await ApiJson.GetAsync(app, "/api/v1/relationships/jim-and-pam/timeline");

        ApiJson.IsJson(response);
        Assert.Equal("Married", json.GetProperty("status").GetString());
        Assert.Equal(Enumerable.Range(1, 9), json.GetProperty("seasons").EnumerateArray().Select(s => s.GetProperty("number").GetInt32()));
        Assert.Equal(52, json.GetProperty("events").GetArrayLength());
        Assert.Equal(9, json.GetProperty("seasons")[2].GetProperty("events").GetInt32());
        Assert.Equal("2006-09-21", json.GetProperty("seasons")[2].GetProperty("start").GetString());
        var milestones = json.GetProperty("milestones").EnumerateArray().ToList();
        Assert.Equal(17, milestones.Count);
        Assert.Equal("First on-camera kiss", milestones[1].GetProperty("label").GetString());
        Assert.Equal("The Dundies", milestones[1].GetProperty("episode").GetProperty("title").GetString());
        Assert.Equal("s02e01", milestones[1].GetProperty("point").GetString());
        // In the order they happen, each at least as late as the one before.
        var points = milestones.Select(m => m.GetProperty("point").GetString()!).ToList();
        Assert.Equal(points.Order(StringComparer.Ordinal), points);
        Assert.Matches("/seasons/2#event-\\d+$", milestones[1].GetProperty("pageLink").GetString()!);
        Assert.EndsWith("/timeline", json.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/api/v1/relationships/jim-and-pam/timeline", json.GetProperty("link").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeline_as_of_an_episode_stops_there_and_an_unknown_relationship_is_a_problem()
    {
        var (_, json) = await ApiJson.GetAsync(app, "/api/v1/relationships/jim-and-pam/timeline?asOf=s04e01");

        Assert.Equal("s04e01", json.GetProperty("asOf").GetString());
        Assert.Equal("Dating", json.GetProperty("status").GetString());
        Assert.Equal(Enumerable.Range(1, 4), json.GetProperty("seasons").EnumerateArray().Select(s => s.GetProperty("number").GetInt32()));
        Assert.Equal(52, json.GetProperty("events").GetArrayLength() + json.GetProperty("hiddenByAsOf").GetInt32());
        Assert.All(json.GetProperty("events").EnumerateArray(), e => Assert.True(string.CompareOrdinal(e.GetProperty("point").GetString(), "s04e01") <= 0));

        var (missing, problem) = await ApiJson.GetAsync(app, "/api/v1/relationships/dwight-and-angela/timeline");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Contains("dwight-and-angela", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (bad, _) = await ApiJson.GetAsync(app, "/api/v1/relationships/jim-and-pam/timeline?asOf=s99e01");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
