using Deque.AxeCore.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JimPam.Wiki.BrowserTests;

/// <summary>The editing journeys change the wiki, so they run on an app and a database of their own.</summary>
[CollectionDefinition(Name)]
public sealed class EditingBrowserSuite : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser editing";
}

/// <summary>An editor made like "editor add" edits a Season 5 paragraph in a real browser: preview, save, read, diff.</summary>
[Collection(EditingBrowserSuite.Name)]
public class EditorJourneyTests(BrowserApp app)
{
    [Theory]
    [InlineData(true, ColorScheme.Light)]
    [InlineData(true, ColorScheme.Dark)]
    [InlineData(false, ColorScheme.Light)]
    public async Task An_editor_edits_a_season_5_paragraph_previews_saves_reads_it_and_diffs_it(bool javaScript, ColorScheme theme)
    {
        var name = $"editor-{(javaScript ? "js" : "nojs")}-{theme}".ToLowerInvariant();
        await app.AddEditorAsync(name, "beach games at the office");
        var page = await app.NewPageAsync(javaScript, colorScheme: theme);
        await page.GotoAsync("/login?ReturnUrl=%2Fseasons%2F5");
        await page.GetByLabel("Editor name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync("beach games at the office");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/seasons/5");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit this part" }).Nth(javaScript ? (theme == ColorScheme.Light ? 1 : 2) : 3).ClickAsync();
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
    }

    /// <summary>axe runs as a script in the page, so it audits the JavaScript-on journeys (light and dark); the JavaScript-off one checks the rest.</summary>
    private static async Task AssertAxeCleanAsync(IPage page, bool javaScript)
    {
        if (!javaScript)
        {
            return;
        }

        var result = await page.RunAxe();
        Assert.Empty(result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
    }
}
