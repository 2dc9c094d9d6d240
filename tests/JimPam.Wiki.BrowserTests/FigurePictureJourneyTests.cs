using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace JimPam.Wiki.BrowserTests;

/// <summary>
/// An editor puts a picture into the Season 3 slot with the figure's form (the file chosen as a person chooses it),
/// and readers then see it on a phone and a desktop: its alt text, the format and width their screen needs, and an
/// accessible page, with scripts on and off.
/// </summary>
[Collection(EditingBrowserSuite.Name)]
public partial class FigurePictureJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_editor_puts_a_picture_into_the_season_3_slot_and_readers_see_it_on_a_phone_and_a_desktop(bool javaScript)
    {
        var alt = $"Jim and Pam on the office roof at dusk (uploaded with scripts {(javaScript ? "on" : "off")})";
        var editor = await App.NewEditorPageAsync(javaScript);
        await editor.GotoAsync("/seasons/3");
        var id = (await editor.Locator("figure.event-figure").First.GetAttributeAsync("id"))!["event-".Length..];
        await editor.GotoAsync($"/admin/events/{id}/edit");
        await editor.GetByLabel("Picture (JPEG, PNG, WebP, AVIF or GIF, at most 20 MB)").SetInputFilesAsync(new FilePayload
        {
            Name = "roof.jpg", MimeType = "image/jpeg", Buffer = Photo(1600, 900, seed: javaScript ? 1 : 2),
        });
        await editor.GetByLabel("Alt text: what is in the picture").FillAsync(alt);
        await editor.GetByLabel("Credit: who made it, or where it comes from (optional)").FillAsync("A fan of the show");
        await AssertAxeCleanAsync(editor, javaScript, $"/admin/events/{id}/edit");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(editor).ToHaveURLAsync(new Regex($"/seasons/3#event-{id}$"));

        foreach (var (width, height, theme) in Readers)
        {
            var media = new List<string>();
            var reader = await App.NewPageAsync(javaScript, width, height, theme);
            reader.Response += (_, response) =>
            {
                if (response.Url.Contains("/media/", StringComparison.Ordinal))
                {
                    lock (media)
                    {
                        media.Add(response.Url);
                    }
                }
            };
            await reader.GotoAsync($"/seasons/3#event-{id}");
            var img = reader.Locator($"#event-{id} picture img");
            await Expect(img).ToHaveAttributeAsync("alt", alt);
            await Expect(reader.Locator($"#event-{id} figcaption")).ToContainTextAsync("Image: A fan of the show");
            await Expect(reader.Locator($"#event-{id} .image-slot")).ToHaveCountAsync(0);
            await img.ScrollIntoViewIfNeededAsync();
            await Expect(img).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await img.EvaluateAsync<int>("i => i.naturalWidth") > 0, "the picture did not load");

            // The browser picks AVIF, and the phone a width its screen needs rather than the largest.
            var chosen = await img.EvaluateAsync<string>("i => i.currentSrc");
            Assert.EndsWith(".avif", chosen, StringComparison.Ordinal);
            var box = (await img.BoundingBoxAsync())!;
            Assert.InRange(box.Width, 100, Math.Min(width, 512));
            Assert.InRange(box.Height / box.Width, 0.5, 0.6);
            await Expect(reader.Locator($"#event-{id} picture source[type='image/avif']")).ToHaveAttributeAsync("srcset", VariantWidths());
            lock (media)
            {
                Assert.Single(media);
            }

            await ScreenshotAsync(reader, $"season-3-picture-{width}-{theme}-{(javaScript ? "js" : "nojs")}.png".ToLowerInvariant(), id);
            await AssertAxeCleanAsync(reader, javaScript, $"/seasons/3#event-{id}", theme);
        }

        // The form again: it shows the figure's picture now, with its words, and the box that takes it out.
        await editor.GotoAsync($"/admin/events/{id}/edit");
        await Expect(editor.Locator(".image-current img")).ToHaveAttributeAsync("alt", alt);
        await Expect(editor.GetByLabel("Take the picture out (the figure shows its placeholder again)")).Not.ToBeCheckedAsync();
        await editor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder, $"figure-form-{(javaScript ? "js" : "nojs")}.png"), FullPage = true });

        // The media list shows the picture and the figure that shows it.
        await editor.GotoAsync("/admin/media");
        await Expect(editor.Locator($".media-list a[href='/admin/events/{id}/edit']")).ToHaveCountAsync(1);
        await editor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder, $"media-list-{(javaScript ? "js" : "nojs")}.png"), FullPage = true });
    }

    /// <summary>The readers: a phone in light and dark, and a desktop.</summary>
    private static readonly (int Width, int Height, ColorScheme Theme)[] Readers = [(390, 844, ColorScheme.Light), (390, 844, ColorScheme.Dark), (1280, 800, ColorScheme.Light)];

    /// <summary>axe runs in the page, so with scripts off the same address is audited in a page that has them.</summary>
    private async Task AssertAxeCleanAsync(IPage page, bool javaScript, string path, ColorScheme theme = ColorScheme.Light)
    {
        var audited = page;
        if (!javaScript)
        {
            audited = await App.NewEditorPageAsync(true, page.ViewportSize!.Width, page.ViewportSize.Height, theme);
            await audited.GotoAsync(path);
        }

        var result = await AxeAudit.RunAsync(audited);
        Assert.Empty(result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
    }

    private static async Task ScreenshotAsync(IPage page, string name, string id)
    {
        Directory.CreateDirectory(BrowserApp.ScreenshotFolder);
        await page.Locator($"#event-{id}").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder, name) });
    }

    [GeneratedRegex(@"^/media/[0-9a-f]{32}\.avif 320w, /media/[0-9a-f]{32}\.avif 640w, /media/[0-9a-f]{32}\.avif 1280w$")]
    private static partial Regex VariantWidths();

    /// <summary>A picture with detail in it, as a phone might take, made here so no binary is kept in the repository.</summary>
    private static byte[] Photo(int width, int height, int seed)
    {
        using var noise = NetVips.Image.Gaussnoise(width, height, mean: 128, sigma: 30, seed: seed);
        using var red = NetVips.Image.Xyz(width, height)[0].Linear([255.0 / width], [0.0]);
        using var rgb = red.Bandjoin(noise, noise.Linear([0.5], [60.0]));
        using var photo = rgb.Cast(NetVips.Enums.BandFormat.Uchar).Copy(interpretation: NetVips.Enums.Interpretation.Srgb);
        return photo.JpegsaveBuffer(q: 90);
    }
}
