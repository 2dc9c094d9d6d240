using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace JimPam.Wiki.BrowserTests;

/// <summary>A reader with only a keyboard: a skip link, a visible focus ring on every stop, and Tab and Enter to get anywhere.</summary>
[Collection(BrowserSuite.Name)]
public class KeyboardTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task The_first_tab_shows_a_skip_link_that_moves_focus_to_the_content()
    {
        var page = await App.NewPageAsync();
        await page.GotoAsync("/seasons/3");

        var skip = page.Locator(".skip-link");
        var hiddenBox = await skip.BoundingBoxAsync();
        Assert.True(hiddenBox is null || hiddenBox.Y + hiddenBox.Height <= 0, "The skip link is off screen until focused");

        await page.Keyboard.PressAsync("Tab");
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToHaveTextAsync("Skip to content");
        var box = await skip.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y >= 0 && box.Height > 0, "The focused skip link is on screen");

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#content")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        var focusedInMain = await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)");
        Assert.True(focusedInMain, "The next Tab after skipping lands inside the content");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/seasons/3")]
    [InlineData("/episodes/the-dundies")]
    [InlineData("/characters/pam-beesly")]
    public async Task Every_link_and_control_shows_a_visible_focus_ring_when_tabbed_to(string url)
    {
        var page = await App.NewPageAsync();
        await page.GotoAsync(url);
        // Links, disclosure summaries and the header's search box and button: everything Tab stops at.
        var focusable = await page.Locator("a[href]:visible, summary:visible, input:not([type=hidden]):visible, button:visible").CountAsync();

        var seen = new HashSet<string>();
        var withoutRing = new List<string>();
        for (var i = 0; i < focusable + 2; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = FocusState.From(await page.EvaluateAsync<System.Text.Json.JsonElement>(
                """
                () => {
                  const el = document.activeElement;
                  if (!el || el === document.body) return null;
                  const style = getComputedStyle(el);
                  const index = [...document.querySelectorAll('a[href], summary, input, button')].indexOf(el);
                  return { key: el.tagName + '#' + index + ' ' + (el.getAttribute('href') ?? el.textContent.trim()),
                           outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) };
                }
                """));
            if (focus is null)
            {
                break;
            }

            seen.Add(focus.Key);
            if (focus.OutlineStyle == "none" || focus.OutlineWidth < 2)
            {
                withoutRing.Add(focus.Key);
            }
        }

        Assert.Equal(focusable, seen.Count);
        Assert.Empty(withoutRing);
    }

    [Fact]
    public async Task The_reader_journey_works_with_tab_and_enter_alone()
    {
        var page = await App.NewPageAsync();
        await page.GotoAsync("/");

        await TabToAsync(page, "header a[href='/seasons']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(App.BaseUrl + "/seasons");

        await TabToAsync(page, "a[href='/seasons/3']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Season 3");

        await TabToAsync(page, "article a.citation[href='/episodes/the-merger']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("The Merger");

        await TabToAsync(page, "a.context-link");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/seasons/3#event-\\d+$"));

        await TabToAsync(page, "a[rel=next]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Season 4");

        await TabToAsync(page, "a[rel=prev]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Season 3");

        await page.GotoAsync("/episodes/the-merger");
        await TabToAsync(page, "a[rel=next]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("The Convict");

        await page.GotoAsync("/no/such/page");
        await TabToAsync(page, "main a[href='/']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Jim and Pam");
    }

    /// <summary>Presses Tab until the element the selector names has the focus, as a keyboard user would.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 400; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {selector}");
    }

    private sealed record FocusState(string Key, string OutlineStyle, double OutlineWidth)
    {
        public static FocusState? From(System.Text.Json.JsonElement json) =>
            json.ValueKind != System.Text.Json.JsonValueKind.Object
                ? null
                : new FocusState(json.GetProperty("key").GetString()!, json.GetProperty("outlineStyle").GetString()!, json.GetProperty("outlineWidth").GetDouble());
    }
}
