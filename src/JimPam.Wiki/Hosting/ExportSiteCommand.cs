using System.ComponentModel;
using System.Diagnostics;
using JimPam.Wiki.Data;
using JimPam.Wiki.Transfer;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Spectre.Console;
using Spectre.Console.Cli;

namespace JimPam.Wiki.Hosting;

/// <summary>
/// <c>export-site &lt;FOLDER&gt; [--base-url URL]</c>: a static copy of the public wiki (<see cref="SiteMirror"/>). The
/// app serves its pages on a loopback port of its own, for this command only, and the mirror fetches them from it.
/// </summary>
public sealed class ExportSiteCommand(WikiCommandLine.AppSettings line) : AsyncCommand<ExportSiteCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FOLDER>")]
        [Description("A new or empty folder to write the copy into.")]
        public string Folder { get; init; } = "";

        [CommandOption("--base-url <URL>")]
        [Description("The address the copy will be served from (https://example.org/wiki/), for its sitemap and canonical links.")]
        public string? BaseUrl { get; init; }

        public override ValidationResult Validate() =>
            BaseUrl is null || (Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0)
                ? ValidationResult.Success()
                : ValidationResult.Error("--base-url needs an http or https address, such as https://example.org/wiki/");
    }

    /// <summary>The addresses the copy starts from and leaves out, from the app's routes.</summary>
    private static MirrorAddresses Addresses(LinkGenerator links)
    {
        string PageAt(string page) => links.GetPathByPage(page) ?? throw new InvalidOperationException($"No route for the page {page}");
        var openApi = links.GetPathByName(Infrastructure.WikiAddresses.OpenApiEndpoint, new { documentName = "v1" }) ?? throw new InvalidOperationException("No OpenAPI route");
        return new MirrorAddresses(
            PageAt("/Index"),
            PageAt("/SearchPage/Index"),
            Sitemap.SitemapEndpoint.Path,
            [
                PageAt("/Account/Login"), PageAt("/Account/Logout"), PageAt("/Admin/Index"), PageAt("/Shield/Index"), PageAt("/ApiReference/Index"),
                PageAt("/Missing"), PageAt("/BadAddress"), PageAt("/NotFound"), PageAt("/RecentChanges/Feed"), openApi[..openApi.IndexOf('/', 1)],
            ]);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // The folder first: a copy never starts the app only to find it cannot write.
        ExportTarget target;
        try
        {
            target = ExportTarget.Open(settings.Folder);
        }
        catch (StartupException refused)
        {
            await line.Streams.Error.WriteLineAsync($"export-site: {refused.Message}");
            return 1;
        }

        using var written = target;
        var app = WikiApp.Build(line.Values, quiet: true);
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        return await WikiApp.RunAsync(app, async () =>
        {
            var clock = Stopwatch.StartNew();
            await app.StartAsync(cancellationToken);
            try
            {
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
                var publicAddress = settings.BaseUrl is { } given ? new Uri(given.EndsWith('/') ? given : given + "/") : null;
                var report = await new SiteMirror(client, Addresses(app.Services.GetRequiredService<LinkGenerator>()), publicAddress).WriteAsync(target, cancellationToken);
                await line.Streams.Output.WriteLineAsync(
                    $"export-site: {report.Pages:N0} pages in {report.Files:N0} files ({report.Bytes:N0} bytes) written to {report.Folder} in {clock.ElapsedMilliseconds:N0} ms" +
                    (report.Sitemap ? ", with sitemap.xml" : "; no sitemap.xml or canonical links without --base-url"));
                return 0;
            }
            catch (StartupException refused)
            {
                await line.Streams.Error.WriteLineAsync($"export-site: {refused.Message}");
                return 1;
            }
            finally
            {
                await app.StopAsync(CancellationToken.None);
            }
        });
    }
}
