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
}
