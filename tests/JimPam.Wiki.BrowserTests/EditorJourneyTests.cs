using static Microsoft.Playwright.Assertions;

namespace JimPam.Wiki.BrowserTests;

/// <summary>The editing journeys change the wiki, so they run on an app and a database of their own.</summary>
[CollectionDefinition(Name)]
public sealed class EditingBrowserSuite : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser editing";
}

/// <summary>An editor made with "editor add" on the command line edits a Season 5 paragraph in a real browser: preview, save, read, diff, revert.</summary>
[Collection(EditingBrowserSuite.Name)]
public class EditorJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Theory]
    [InlineData(true, ColorScheme.Light)]
    [InlineData(true, ColorScheme.Dark)]
    [InlineData(false, ColorScheme.Light)]
    public async Task An_editor_edits_a_season_5_paragraph_previews_saves_reads_it_and_diffs_it(bool javaScript, ColorScheme theme)
    {
        var name = $"editor-{(javaScript ? "js" : "nojs")}-{theme}".ToLowerInvariant();
        var page = await App.NewEditorPageAsync(javaScript, colorScheme: theme);
        await page.GotoAsync("/seasons/5");

        var editLink = page.GetByRole(AriaRole.Link, new() { Name = "Edit this part" }).Nth(javaScript ? (theme == ColorScheme.Light ? 1 : 2) : 3);
        var eventId = (await editLink.GetAttributeAsync("href"))!.Split('/')[3];
        var original = System.Text.RegularExpressions.Regex.Replace((await page.Locator($"#event-{eventId}").TextContentAsync())!, @"\s+", " ").Trim();
        await editLink.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Edit a paragraph of Season 5");
        var text = $"Edited by {name}: Jim and Pam share a moment in [[Niagara]], and [[The Dundys]] is misspelt.";
        await page.GetByLabel("Text (Markdown, with [[wiki links]])").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.Locator(".broken-links")).ToContainTextAsync("[[The Dundys]]");
        await Expect(page.Locator(".preview a").First).ToHaveAttributeAsync("href", "/episodes/niagara");
        await AssertAxeCleanAsync(page, javaScript);

        await page.GetByLabel("Edit summary (optional)").FillAsync("A test edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/seasons/5#event-\\d+$"));
        await Expect(page.Locator(":target")).ToContainTextAsync($"Edited by {name}: Jim and Pam share a moment in Niagara");

        await page.Locator(":target .edit-links a", new() { HasText = "History" }).ClickAsync();
        await Expect(page.Locator(".revisions li")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Link, new() { Name = "changes from revision 1" }).ClickAsync();
        await Expect(page.Locator(".diff-text ins").First).ToBeVisibleAsync();
        await Expect(page.Locator(".diff-text")).ToContainTextAsync("[inserted: ");
        await AssertAxeCleanAsync(page, javaScript);

        // Revert to the imported text: a third revision, and the season page shows the source article's words again.
        await page.GetByLabel("Revision", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Revision 1, by import" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Revert to this revision" }).ClickAsync();
        await Expect(page.Locator(".revisions li")).ToHaveCountAsync(3);
        await Expect(page.Locator(".revisions li").First).ToContainTextAsync("Reverted to revision 1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Read it" }).ClickAsync();
        await Expect(page.Locator($"#event-{eventId}")).ToHaveTextAsync(original);
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Every_admin_page_is_axe_clean(ColorScheme theme)
    {
        var page = await App.NewEditorPageAsync(true, colorScheme: theme);

        foreach (var path in new[] { "/admin", "/admin/episodes/new", "/admin/characters/new", "/admin/broken-links", "/recent-changes", "/admin/relationships/1/edit", "/admin/seasons/5/edit", "/admin/jokes/new", "/admin/events/new?season=5", "/admin/account", "/admin/media" })
        {
            await page.GotoAsync(path);
            await AssertAxeCleanAsync(page, javaScript: true);
        }

        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit Pam Beesly" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Edit “Pam Beesly”");
        await AssertAxeCleanAsync(page, javaScript: true);

        // A refused save shows the errors next to the fields; the page must stay accessible then too.
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("#name-error")).ToHaveTextAsync("Give the character a name.");
        await AssertAxeCleanAsync(page, javaScript: true);

        await page.GotoAsync("/seasons/5");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit this part" }).First.ClickAsync();
        await AssertAxeCleanAsync(page, javaScript: true);
        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("History of paragraph");
        await AssertAxeCleanAsync(page, javaScript: true);
    }

    [Theory]
    [InlineData(390, 844, ColorScheme.Light)]
    [InlineData(390, 844, ColorScheme.Dark)]
    [InlineData(1280, 800, ColorScheme.Light)]
    [InlineData(1280, 800, ColorScheme.Dark)]
    public async Task The_editor_pages_fit_a_phone_and_are_saved_as_screenshots(int width, int height, ColorScheme theme)
    {
        var page = await App.NewEditorPageAsync(true, width: width, height: height, colorScheme: theme);

        await page.GotoAsync("/admin/episodes/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("#title-error")).ToHaveTextAsync("Give the episode a title.");
        await ShootAsync(page, $"admin-episode-refused-{width}x{height}-{theme}".ToLowerInvariant(), width);

        await page.GotoAsync("/characters/pam-beesly");
        await page.Locator(".last-edited a").ClickAsync();
        await ShootAsync(page, $"history-character-{width}x{height}-{theme}".ToLowerInvariant(), width);

        await page.GotoAsync("/admin/account");
        await Expect(page.Locator("table.sessions")).ToContainTextAsync("(this session)");
        await ShootAsync(page, $"admin-account-{width}x{height}-{theme}".ToLowerInvariant(), width);
    }

    private static async Task ShootAsync(IPage page, string name, int width)
    {
        Directory.CreateDirectory(BrowserApp.ScreenshotFolder);
        var path = Path.Combine(BrowserApp.ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await File.ReadAllBytesAsync(path))[..4]);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{page.Url} is {scrollWidth}px wide in a {width}px viewport");
    }

    /// <summary>axe runs as a script in the page, so it audits the JavaScript-on journeys (light and dark); the JavaScript-off one checks the rest.</summary>
    private static async Task AssertAxeCleanAsync(IPage page, bool javaScript)
    {
        if (!javaScript)
        {
            return;
        }

        var result = await AxeAudit.RunAsync(page);
        Assert.Empty(result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
    }
}
