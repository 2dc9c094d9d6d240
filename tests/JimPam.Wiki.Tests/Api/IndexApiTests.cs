using System.Net;
using JimPam.Wiki.Tests.Pages;

namespace JimPam.Wiki.Tests.Api;

/// <summary>The API's index: where every collection is.</summary>
[Trait("Engine", "Any")]
[Collection(SeededWiki.Name)]
public class IndexApiTests(WikiAppFactory app)
{
    [Fact]
    public async Task The_index_links_every_collection_by_its_absolute_address()
    {
        var (response, json) = await ApiJson.GetAsync(app, "/api/v1");

        ApiJson.IsJson(response);
        var resources = json.GetProperty("resources");
        foreach (var name in new[] { "relationships", "seasons", "episodes", "characters", "changes", "search" })
        {
            var link = new Uri(resources.GetProperty(name).GetString()!);
            Assert.True(link.IsAbsoluteUri);
            var (followed, _) = await ApiJson.GetAsync(app, link.PathAndQuery + (name == "search" ? "teapot" : ""));
            Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        }
    }
}
