using System.Diagnostics;
using System.Text.Json;

namespace JimPam.Wiki.Tests.Pages;

/// <summary>
/// Every page shape passes the W3C Nu HTML checker (vnu.jar, from npm; needs Java 17+) with no errors.
/// ./test.sh installs both; run it once, or "npm ci --prefix tests/tools" and install a JRE yourself.
/// </summary>
[Collection(SeededWiki.Name)]
public class HtmlValidityTests(WikiAppFactory app)
{
    private static readonly string[] PageShapes =
    [
        "/", "/timeline", "/relationships/jim-and-pam/timeline", "/?asOf=s04e01", "/seasons", "/seasons/3", "/seasons/9", "/episodes", "/episodes/the-dundies", "/episodes/pilot",
        "/characters", "/characters/pam-beesly", "/characters/roy-anderson", "/missing?title=The%20Dundys", "/no/such/page", "/login",
        "/recent-changes", "/history/episode/1", "/history/event/1?from=1&to=1", "/search?q=Niagra", "/seasons/3?asOf=banana",
    ];

    [Fact]
    public async Task Every_page_shape_has_no_html_errors()
    {
        using var client = app.CreateReader();
        await AssertValidAsync(client, PageShapes);
    }

    /// <summary>Fetches each page with <paramref name="client"/> and checks them all in one run of the checker.</summary>
    internal static async Task AssertValidAsync(HttpClient client, IReadOnlyList<string> pages)
    {
        using var folder = new TempFolder();
        var files = new Dictionary<string, string>();
        foreach (var (url, index) in pages.Select((u, i) => (u, i)))
        {
            var file = Path.Combine(folder.Path, $"page{index}.html");
            await File.WriteAllTextAsync(file, await (await client.GetAsync(new Uri(url, UriKind.Relative))).Content.ReadAsStringAsync());
            files[Path.GetFileName(file)] = url;
        }

        var messages = await CheckAsync(files.Keys.Select(name => Path.Combine(folder.Path, name)));

        var errors = messages.Select(m => $"{files.GetValueOrDefault(Path.GetFileName(m.Url), m.Url)}:{m.Line}: {m.Message}").ToList();
        Assert.Equal(pages.Count, files.Count);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    internal static async Task<List<(string Url, int Line, string Message)>> CheckAsync(IEnumerable<string> files)
    {
        var jar = Environment.GetEnvironmentVariable("VNU_JAR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(TestPaths.Tools, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        Assert.True(File.Exists(jar), $"The Nu HTML checker is not at {jar}. Run ./test.sh, which installs it, or: npm ci --prefix tests/tools (and a Java 17+ runtime).");

        var info = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-jar", jar, "--format", "json", "--errors-only", "--exit-zero-always", "--stdout" }.Concat(files))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await error);

        using var json = JsonDocument.Parse(await output);
        return [.. json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() == "error")
            .Select(m => (
                m.TryGetProperty("url", out var url) ? url.GetString()! : "",
                m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0,
                m.GetProperty("message").GetString()!))];
    }
}
