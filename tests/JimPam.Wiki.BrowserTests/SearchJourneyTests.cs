using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace JimPam.Wiki.BrowserTests;

/// <summary>A reader searches from the header of any page and follows a result to its place on a season page.</summary>
[Collection(BrowserSuite.Name)]
public class SearchJourneyTests(BrowserApp app) : BrowserTest(app)
{
    public static TheoryData<bool, int, int> Setups() => new()
    {
        { true, 1280, 800 },
        { false, 1280, 800 },
        { true, 390, 844 },
    };

    [Theory]
    [MemberData(nameof(Setups))]
    public async Task A_reader_types_in_the_header_box_presses_enter_and_follows_a_result_to_its_paragraph(bool javaScript, int width, int height)
    {
        var page = await App.NewPageAsync(javaScript, width, height);
        await page.GotoAsync("/episodes/the-dundies");

        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the wiki" });
        await box.FillAsync("gas station proposal");
        await box.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(App.BaseUrl + "/search?q=gas+station+proposal");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 result for “gas station proposal”");
        await Expect(page.Locator(".snippet mark").First).ToHaveTextAsync("gas");
        // The box keeps what was typed, to refine it.
        await Expect(page.Locator("header input[name=q]")).ToHaveValueAsync("gas station proposal");

        await page.Locator("a.search-hit").First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(App.BaseUrl) + @"/seasons/5#event-\d+$"));
        var anchor = page.Url.Split('#')[1];
        var target = page.Locator($"[id='{anchor}']");
        await Expect(target).ToContainTextAsync("gas station");
        await Expect(target).ToBeInViewportAsync();
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_results_page_has_no_axe_violations(string theme)
    {
        var page = await App.NewPageAsync(colorScheme: theme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        await page.GotoAsync("/search?q=pam");
        await Expect(page.Locator("a.search-hit")).ToHaveCountAsync(20);

        var result = await AxeAudit.RunAsync(page);

        var report = string.Join(", ", result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join("; ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        await BrowserReport.AppendAsync("axe.txt", $"/search?q=pam ({theme}): {result.Passes.Length} rules passed, violations: {(report.Length == 0 ? "none" : report)}");
        Assert.Empty(result.Violations);
    }
}
