using System.Diagnostics;
using System.Text.Json;
using JimPam.Wiki.Tests.Pages;

namespace JimPam.Wiki.Tests.Api;

/// <summary>
/// The OpenAPI document passes Redocly's linter with its recommended rules (@redocly/cli, pinned in tests/tools and
/// installed by ./test.sh), with no error and no warning.
/// </summary>
[Collection(SeededWiki.Name)]
public class OpenApiLintTests(WikiAppFactory app) : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task The_openapi_document_has_no_lint_error_or_warning_under_the_recommended_rules()
    {
        using var client = app.CreateReader();
        var document = Path.Combine(_folder.Path, "openapi.json");
        await File.WriteAllTextAsync(document, await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var redocly = Path.Combine(TestPaths.Tools, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(redocly), $"Redocly's CLI is not at {redocly}. Run ./test.sh, which installs it, or: npm ci --prefix tests/tools (Node.js 20 or later).");

        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder.Path };
        foreach (var argument in new[] { redocly, "lint", document, "--extends=recommended", "--format=json" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["REDOCLY_TELEMETRY"] = "off";
        info.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        using var json = JsonDocument.Parse(await output);
        var problems = json.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()}").ToList();
        var totals = json.RootElement.GetProperty("totals");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems) + Environment.NewLine + await error);
        Assert.Equal(0, totals.GetProperty("errors").GetInt32());
        Assert.Equal(0, totals.GetProperty("warnings").GetInt32());
        Assert.Equal(0, process.ExitCode);
    }

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
