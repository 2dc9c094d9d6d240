namespace JimPam.Wiki.BrowserTests;

/// <summary>Screenshots of home and Season 3 on a phone and a desktop, light and dark, for people to look at.</summary>
[Collection(BrowserSuite.Name)]
public class ScreenshotTests(BrowserApp app) : BrowserTest(app)
{
    public static TheoryData<string, int, int, string> Shots()
    {
        var data = new TheoryData<string, int, int, string>();
        foreach (var url in new[] { "/", "/seasons/3", "/timeline", "/search?q=pam", "/search?q=Niagra", "/seasons/3?asOf=banana" })
        {
            foreach (var (width, height) in new[] { (390, 844), (1280, 800) })
            {
                data.Add(url, width, height, "light");
                data.Add(url, width, height, "dark");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shots))]
    public async Task Saves_a_screenshot(string url, int width, int height, string theme)
    {
        var page = await App.NewPageAsync(width: width, height: height, colorScheme: theme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        await page.GotoAsync(url);
        var name = (url == "/" ? "home" : url.Trim('/').Replace('/', '-').Replace("?q=", "-").Replace("?asOf=", "-asof-")) + $"-{width}x{height}-{theme}.png";
        var path = Path.Combine(BrowserApp.ScreenshotFolder, name);
        Directory.CreateDirectory(BrowserApp.ScreenshotFolder);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });

        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 1000, "The screenshot has content");
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes[..4]);
        // A phone-width page must not scroll sideways.
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{url} is {scrollWidth}px wide in a {width}px viewport");
    }
}
