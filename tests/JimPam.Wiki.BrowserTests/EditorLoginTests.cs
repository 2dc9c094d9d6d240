using static Microsoft.Playwright.Assertions;

namespace JimPam.Wiki.BrowserTests;

/// <summary>An editor made on the command line logs in and out in a real browser, over plain HTTP on loopback, with JavaScript on and off.</summary>
[Collection(BrowserSuite.Name)]
public class EditorLoginTests(BrowserApp app) : BrowserTest(app)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_editor_logs_in_from_the_footer_reaches_the_admin_area_and_logs_out(bool javaScript)
    {
        var name = javaScript ? "pam-js" : "pam-nojs";
        await App.AddEditorAsync(name, "beach games at the office");
        var page = await App.NewPageAsync(javaScript);
        await page.GotoAsync("/seasons/5");

        await page.GetByRole(AriaRole.Link, new() { Name = "Editor login" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Editor login");
        await page.GetByLabel("Editor name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync("not the passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.Locator(".form-errors")).ToContainTextAsync("do not match an editor");

        await page.GetByLabel("Password").FillAsync("beach games at the office");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(App.BaseUrl + "/admin");
        await Expect(page.Locator("main")).ToContainTextAsync($"logged in as {name}");

        await page.GotoAsync("/seasons/5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(App.BaseUrl + "/");
        await page.GotoAsync("/admin");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Editor login");
    }
}
