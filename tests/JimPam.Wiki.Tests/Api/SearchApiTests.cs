using JimPam.Wiki.Tests.Pages;

namespace JimPam.Wiki.Tests.Api;

/// <summary>/api/v1/search: search results.</summary>
[Trait("Engine", "Any")]
[Collection(SeededWiki.Name)]
public class SearchApiTests(WikiAppFactory app)
{
    [Fact]
    public async Task Search_answers_with_marked_snippets_and_page_links()
    {
        var (_, json) = await ApiJson.GetAsync(app, "/api/v1/search?q=teapot");

        Assert.Equal(1, json.GetProperty("total").GetInt32());
        var hit = json.GetProperty("hits")[0];
        Assert.Equal("events", hit.GetProperty("kind").GetString());

        // The key before "events" still names the kind, and the answer says it with the glossary's word.
        var (retired, storyKind) = await ApiJson.GetAsync(app, "/api/v1/search?q=teapot&type=story");
        Assert.Equal(System.Net.HttpStatusCode.OK, retired.StatusCode);
        Assert.Equal("events", storyKind.GetProperty("kind").GetString());
        Assert.Equal(1, storyKind.GetProperty("total").GetInt32());
        Assert.Contains("<mark>teapot</mark>", hit.GetProperty("snippetHtml").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"^http://[^/]+/seasons/9#event-\d+$", hit.GetProperty("html").GetString()!);

        var (_, paged) = await ApiJson.GetAsync(app, "/api/v1/search?q=pam");
        Assert.Equal(20, paged.GetProperty("hits").GetArrayLength());
        Assert.Matches("[?&]p=2(&|$)", paged.GetProperty("next").GetString()!);

        var (_, empty) = await ApiJson.GetAsync(app, "/api/v1/search?q=%22");
        Assert.Contains("no word to search for", empty.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
