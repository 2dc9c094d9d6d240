using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace JimPam.Wiki.BrowserTests;

/// <summary>The spoiler shield and the timeline in a real browser, with JavaScript on and off, on a phone and a desktop.</summary>
[Collection(BrowserSuite.Name)]
public class ShieldAndTimelineTests(BrowserApp app) : BrowserTest(app)
{
    public static TheoryData<bool, int, int> Setups() => new()
    {
        { true, 1280, 800 },
        { false, 1280, 800 },
        { true, 390, 844 },
        { false, 390, 844 },
    };

    [Theory]
    [MemberData(nameof(Setups))]
    public async Task A_reader_turns_the_shield_on_sees_later_parts_on_request_and_turns_it_off(bool javaScript, int width, int height)
    {
        var page = await App.NewPageAsync(javaScript, width, height);
        await page.GotoAsync("/seasons/4");
        await Expect(page.Locator("article .event, article .event-figure")).ToHaveCountAsync(6);

        await page.Locator(".shield-control summary").ClickAsync();
        await page.GetByRole(AriaRole.Spinbutton, new() { Name = "Season" }).FillAsync("4");
        await page.GetByRole(AriaRole.Spinbutton, new() { Name = "Episode" }).FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hide later parts" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(App.BaseUrl + "/seasons/4");
        await Expect(page.Locator(".shield-on")).ToContainTextAsync("hiding what happens after Season 4, episode 1");
        await Expect(page.Locator("article .event, article .event-figure")).ToHaveCountAsync(1);
        await Expect(page.Locator(".shield-notice")).ToContainTextAsync("hides 5 parts of this season");

        await page.GetByRole(AriaRole.Link, new() { Name = "Show them on this page" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(App.BaseUrl + "/seasons/4?spoilers=show");
        await Expect(page.Locator("article .event, article .event-figure")).ToHaveCountAsync(6);

        await page.GotoAsync("/timeline");
        await Expect(page.Locator("li.tl-band")).ToHaveCountAsync(4);
        await page.GetByRole(AriaRole.Link, new() { Name = "Turn it off" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(App.BaseUrl + "/timeline");
        await Expect(page.Locator("li.tl-band")).ToHaveCountAsync(9);
        await Expect(page.Locator(".shield-on")).ToHaveCountAsync(0);
    }

    [Theory]
    [MemberData(nameof(Setups))]
    public async Task The_timeline_fits_the_screen_and_every_marker_is_reachable_by_keyboard(bool javaScript, int width, int height)
    {
        var page = await App.NewPageAsync(javaScript, width, height);
        await page.GotoAsync("/timeline");

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"/timeline is {scrollWidth}px wide in a {width}px viewport");
        // No label is cut off: every marker and every milestone's line lies inside the page.
        var outside = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('a.tl-marker, .tl-milestones li, .tl-span-name')]
              .map(e => [e, e.getBoundingClientRect()])
              .filter(([e, r]) => r.left < 0 || r.right > document.documentElement.clientWidth + 0.5)
              .map(([e]) => e.textContent.trim())
            """);
        Assert.Empty(outside);

        // Tab from the lede reaches every marker in order; Enter on one follows it to its text.
        var markers = page.Locator("svg a.tl-marker");
        var count = await markers.CountAsync();
        Assert.Equal(17, count);
        await page.Locator(".lede").ClickAsync();
        var reached = new List<string>();
        for (var i = 0; i < 200 && reached.Count < count; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var label = await page.EvaluateAsync<string?>("() => document.activeElement?.closest('a.tl-marker')?.getAttribute('aria-label') ?? null");
            if (label is not null && !reached.Contains(label))
            {
                reached.Add(label);
            }
        }

        Assert.Equal(count, reached.Count);
        Assert.StartsWith("Milestone 17:", reached[^1], StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/seasons/9#event-\\d+$"));
        await Expect(page.Locator(":target .milestone-tag")).ToContainTextAsync("Pam puts their house on the market");
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task A_shielded_page_and_the_shielded_timeline_pass_axe(string theme)
    {
        var page = await App.NewPageAsync(colorScheme: theme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        await page.GotoAsync("/shield?season=4&episode=1&back=%2Ftimeline");
        await Expect(page.Locator("line.tl-now")).ToHaveCountAsync(1);

        foreach (var url in new[] { "/timeline", "/seasons/4", "/episodes/niagara", "/shield", "/shield?season=4&episode=40" })
        {
            await page.GotoAsync(url);
            var result = await AxeAudit.RunAsync(page);
            var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{url}: {v.Id} ({v.Impact})").ToList();
            await BrowserReport.AppendAsync("axe.txt", $"{url} shielded ({theme}): {result.Passes.Length} rules passed, violations: {(result.Violations.Length == 0 ? "none" : string.Join(" ", result.Violations.Select(v => v.Id)))}");
            Assert.Empty(blocking);
        }
    }

    [Fact]
    public async Task The_timeline_prints_whole_and_its_screenshots_are_kept()
    {
        var page = await App.NewPageAsync(width: 1280, height: 800);
        await page.GotoAsync("/timeline");
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });

        Directory.CreateDirectory(BrowserApp.ScreenshotFolder);
        var pdf = Path.Combine(BrowserApp.ScreenshotFolder, "timeline-print.pdf");
        await page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4", PrintBackground = true });
        Assert.True(new FileInfo(pdf).Length > 10_000, "The printed timeline has content");
        // In print, the shield's form is gone and the drawing keeps its colours.
        await Expect(page.Locator(".shield-control")).ToBeHiddenAsync();
        await Expect(page.Locator("svg.tl-track").First).ToBeVisibleAsync();
        var spans = await page.Locator("rect.tl-span").CountAsync();
        Assert.True(spans >= 10, $"{spans} status spans drawn");

        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Screen });
        var shielded = await App.NewPageAsync(width: 390, height: 844, colorScheme: ColorScheme.Dark);
        await shielded.GotoAsync("/shield?season=6&episode=4&back=%2Ftimeline");
        await shielded.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder, "timeline-shielded-s06e04-390x844-dark.png"), FullPage = true });
        await Expect(shielded.Locator("li.tl-band")).ToHaveCountAsync(6);
    }
}
