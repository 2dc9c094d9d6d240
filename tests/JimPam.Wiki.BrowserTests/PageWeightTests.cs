namespace JimPam.Wiki.BrowserTests;

/// <summary>Season pages and the timeline stay light: HTML plus CSS under 40 KB uncompressed, and no script at all.</summary>
[Collection(BrowserSuite.Name)]
public class PageWeightTests(BrowserApp app) : BrowserTest(app)
{
    private const int Budget = 40 * 1024;

    [Theory]
    [InlineData("/seasons/3")]
    [InlineData("/seasons/9")]
    [InlineData("/timeline")]
    public async Task Page_weighs_under_40_KB_with_no_script(string url)
    {
        var page = await App.NewPageAsync();
        await page.GotoAsync(url);
        await page.WaitForLoadStateAsync(LoadState.Load);

        var weight = PageWeight.From(await page.EvaluateAsync<System.Text.Json.JsonElement>(
            """
            () => {
              const nav = performance.getEntriesByType('navigation')[0];
              const resources = performance.getEntriesByType('resource');
              return {
                html: nav.decodedBodySize,
                css: resources.filter(r => new URL(r.name).pathname.endsWith('.css')).reduce((s, r) => s + r.decodedBodySize, 0),
                other: resources.filter(r => !new URL(r.name).pathname.endsWith('.css')).reduce((s, r) => s + r.decodedBodySize, 0),
                scripts: document.scripts.length + resources.filter(r => r.initiatorType === 'script').length,
              };
            }
            """));

        await BrowserReport.AppendAsync("page-weight.txt", $"{url}: HTML {weight.Html} B + CSS {weight.Css} B = {weight.Html + weight.Css} B (budget {Budget} B), scripts: {weight.Scripts}, other resources (favicon): {weight.Other} B");
        Assert.True(weight.Html > 0 && weight.Css > 0, "Resource timing reports both the page and its stylesheet");
        Assert.True(weight.Html + weight.Css < Budget, $"HTML {weight.Html} B + CSS {weight.Css} B is over {Budget} B");
        Assert.Equal(0, weight.Scripts);
    }

    private sealed record PageWeight(int Html, int Css, int Other, int Scripts)
    {
        public static PageWeight From(System.Text.Json.JsonElement json) => new(
            json.GetProperty("html").GetInt32(),
            json.GetProperty("css").GetInt32(),
            json.GetProperty("other").GetInt32(),
            json.GetProperty("scripts").GetInt32());
    }
}
