using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using static Microsoft.Playwright.Assertions;

namespace JimPam.Wiki.BrowserTests;

/// <summary>
/// The static copy that <c>export-site</c> writes, in a real browser: opened from disk (file://) and served from a
/// sub-folder of a plain static web server, a reader browses it and searches it offline; every kind of page has no
/// serious or critical axe violation, in both themes.
/// </summary>
[Collection(BrowserSuite.Name)]
public class MirrorJourneyTests(BrowserApp app) : BrowserTest(app)
{
    /// <summary>The copy of the browser suite's wiki, written once per run.</summary>
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static string? _folder;

    private async Task<string> MirrorAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_folder is null)
            {
                var root = Path.Combine(Path.GetTempPath(), "jimpam-mirror-" + Guid.NewGuid().ToString("N"));
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(root, recursive: true);
                using var output = new StringWriter();
                using var error = new StringWriter();
                var exitCode = await Hosting.WikiCommandLine.RunAsync(
                    ["export-site", Path.Combine(root, "copy"), "--base-url", "https://jimpam.example/", $"--ConnectionStrings:Wiki=Data Source={App.DatabasePath}", "--applicationName", "JimPam.Wiki"],
                    output, error);
                Assert.True(exitCode == 0, error.ToString());
                _folder = Path.Combine(root, "copy");
            }

            return _folder;
        }
        finally
        {
            Once.Release();
        }
    }

    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        string[] files =
        [
            "index.html", "timeline/index.html", "seasons/index.html", "seasons/3/index.html", "episodes/index.html", "episodes/the-dundies/index.html",
            "characters/index.html", "characters/pam-beesly/index.html", "recent-changes/index.html", "history/event/1/index.html", "search/index.html?q=wedding",
        ];
        foreach (var file in files)
        {
            data.Add(file, "light");
        }

        foreach (var file in new[] { "seasons/3/index.html", "search/index.html?q=wedding", "characters/pam-beesly/index.html" })
        {
            data.Add(file, "dark");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_kind_of_page_of_the_copy_has_no_serious_or_critical_axe_violations(string file, string theme)
    {
        var copy = new Uri(await MirrorAsync() + "/");
        var page = await App.NewPageAsync(colorScheme: theme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        await page.GotoAsync(copy.AbsoluteUri + file);
        await Expect(page.Locator("main h1")).ToBeVisibleAsync();

        var result = await AxeAudit.RunAsync(page);

        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join("; ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        await BrowserReport.AppendAsync("axe.txt", $"copy {file} ({theme}): {result.Passes.Length} rules passed, {result.Violations.Length} violations");
        Assert.Empty(blocking);
    }

    [Fact]
    public async Task A_reader_opens_the_copy_from_disk_searches_it_offline_and_follows_a_result()
    {
        var copy = new Uri(await MirrorAsync() + "/");
        var page = await App.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync(new Uri(copy, "seasons/3/index.html").AbsoluteUri);

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the wiki" }).First.FillAsync("phyllis wedd");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the wiki" }).First.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(copy.AbsoluteUri + "search/index.html?q=phyllis+wedd");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("every word of “phyllis wedd”");
        await Expect(page.Locator("#search-page-q")).ToHaveValueAsync("phyllis wedd");
        // Each result shows its page's text around the words found, those words marked, as the live search does.
        var hit = page.Locator("#search-results li").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Phyllis' Wedding" }) }).First;
        var marked = await hit.Locator(".snippet mark").AllTextContentsAsync();
        Assert.NotEmpty(marked);
        Assert.All(marked, m => Assert.Matches("^(?i:phyllis|wedd)", m));
        Assert.Contains(marked, m => m.StartsWith("Wedd", StringComparison.OrdinalIgnoreCase));
        await SaveAsync(page, "mirror-search-390-light.png");
        await page.GetByRole(AriaRole.Link, new() { Name = "Phyllis' Wedding" }).First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(copy, "episodes/phyllis-wedding/index.html").AbsoluteUri);
        await Expect(page.Locator("main h1")).ToContainTextAsync("Phyllis' Wedding");
    }

    [Fact]
    public async Task The_copy_served_from_a_sub_folder_of_a_plain_web_server_works_as_from_disk()
    {
        var folder = await MirrorAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var server = builder.Build();
        server.UseFileServer(new FileServerOptions { RequestPath = "/some/folder", FileProvider = new PhysicalFileProvider(folder) });
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var page = await App.NewPageAsync(colorScheme: ColorScheme.Dark);
        await page.GotoAsync($"{address}/some/folder/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Seasons" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Season 3", Exact = true }).First.ClickAsync();

        await Expect(page).ToHaveURLAsync($"{address}/some/folder/seasons/3/index.html");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Season 3");
        // The styles came with it: the page is laid out, not plain.
        Assert.True(await page.EvaluateAsync<int>("() => document.styleSheets.length ? document.styleSheets[0].cssRules.length : 0") > 10, "the stylesheet did not load");
        await SaveAsync(page, "mirror-season-1280-dark.png");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the wiki" }).First.FillAsync("dundies");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the wiki" }).First.PressAsync("Enter");
        await page.GetByRole(AriaRole.Link, new() { Name = "The Dundies" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync($"{address}/some/folder/episodes/the-dundies/index.html");
        await server.StopAsync();
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(BrowserApp.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder, name), FullPage = false });
    }
}
