namespace JimPam.Wiki.BrowserTests;

/// <summary>axe-core on every page type, in the light and the dark theme: no serious or critical violation.</summary>
[Collection(BrowserSuite.Name)]
public class AccessibilityTests(BrowserApp app) : BrowserTest(app)
{
    public static TheoryData<string, string> PageTypes()
    {
        var data = new TheoryData<string, string>();
        string[] urls =
        [
            "/", "/timeline", "/seasons", "/seasons/3", "/episodes", "/episodes/the-dundies", "/characters", "/characters/pam-beesly",
            "/no/such/page", "/missing?title=The%20Dundys", "/login", "/search?q=%22", "/search?q=Niagra", "/seasons/3?asOf=banana", "/api",
        ];
        foreach (var url in urls)
        {
            data.Add(url, "light");
            data.Add(url, "dark");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task Page_has_no_serious_or_critical_axe_violations(string url, string theme)
    {
        var page = await App.NewPageAsync(colorScheme: theme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        await page.GotoAsync(url);

        var result = await AxeAudit.RunAsync(page);

        var report = string.Join(", ", result.Violations.GroupBy(v => v.Impact ?? "none").Select(g => $"{g.Key}: {string.Join(" ", g.Select(v => v.Id))}"));
        await BrowserReport.AppendAsync("axe.txt", $"{url} ({theme}): {result.Passes.Length} rules passed, violations: {(report.Length == 0 ? "none" : report)}");
        var blocking = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join("; ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.Empty(blocking);
    }
}
