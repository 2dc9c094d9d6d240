using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace JimPam.Wiki.BrowserTests;

/// <summary>An editor adds a second couple entirely through the admin forms in a real browser, with JavaScript on and off.</summary>
[Collection(EditingBrowserSuite.Name)]
public class SecondRelationshipJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Theory]
    [InlineData(true, "Dwight and Angela", "Dwight Schrute", "dwight-and-angela")]
    [InlineData(false, "Andy and Angela", "Andy Bernard", "andy-and-angela")]
    public async Task An_editor_creates_a_couple_with_a_part_and_a_milestone_and_readers_find_it(bool javaScript, string title, string member, string slug)
    {
        var page = await App.NewEditorPageAsync(javaScript);
        await page.GotoAsync("/admin");

        await page.GetByRole(AriaRole.Link, new() { Name = "New relationship" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Members (character names, one per line)").FillAsync($"{member}\nAngela Martin");
        await page.GetByLabel("Intro (Markdown, with [[wiki links]])").FillAsync($"[[{member}]] and [[Angela Martin]] keep it quiet.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{App.BaseUrl}/relationships/{slug}");
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);

        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Add a paragraph to {title}" }).ClickAsync();
        await Expect(page.GetByLabel("Whose story")).ToHaveValueAsync(new Regex("\\d+"));
        await page.Locator("main").GetByLabel("Season", new() { Exact = true }).FillAsync("4");
        await page.GetByLabel("Text (Markdown, with [[wiki links]])").FillAsync($"[[Angela Martin|Angela]] and [[{member}]] have a falling-out ([[Money]]).");
        await page.GetByLabel("Milestone (optional), such as “First kiss”").FillAsync("A falling-out");
        await page.GetByLabel("Status from then on (optional), such as “Dating”").FillAsync("Apart");
        await page.GetByLabel("Episode it happens in (leave empty if the text does not say)").FillAsync("Money");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/seasons/4\\?relationship={slug}#event-\\d+$"));
        await Expect(page.Locator(":target")).ToContainTextAsync("Milestone: A falling-out");

        // A reader (no login) finds it from the home page, the season, and the couple's timeline.
        var reader = await App.NewPageAsync(javaScript);
        await reader.GotoAsync("/");
        await reader.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await Expect(reader).ToHaveURLAsync($"{App.BaseUrl}/relationships/{slug}");
        await reader.GetByRole(AriaRole.Link, new() { Name = "The timeline" }).ClickAsync();
        await Expect(reader).ToHaveURLAsync($"{App.BaseUrl}/relationships/{slug}/timeline");
        await Expect(reader.Locator("a.tl-marker")).ToHaveCountAsync(1);
        await reader.Locator(".tl-milestones a", new() { HasText = "A falling-out" }).ClickAsync();
        await Expect(reader).ToHaveURLAsync(new Regex($"/seasons/4\\?relationship={slug}#event-\\d+$"));
        await Expect(reader.Locator(":target")).ToContainTextAsync("have a falling-out");
        await reader.GotoAsync("/seasons/4");
        await Expect(reader.Locator("section.relationship-group h2", new() { HasText = title })).ToHaveCountAsync(1);
    }
}
