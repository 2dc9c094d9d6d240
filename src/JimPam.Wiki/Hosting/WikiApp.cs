using JimPam.Wiki.Accounts;
using JimPam.Wiki.Caching;
using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using JimPam.Wiki.Import;
using JimPam.Wiki.Media;
using JimPam.Wiki.Search;
using JimPam.Wiki.Story;
using Microsoft.Extensions.Options;

namespace JimPam.Wiki.Hosting;

/// <summary>Builds the app every command runs on: its settings, logging, services, and a database made ready.</summary>
public static class WikiApp
{
    /// <summary>Where the wiki listens when nothing else says: loopback only, as a wiki on a new machine should.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>
    /// The app with these settings (<c>--Section:Key=value</c> arguments). A command (<paramref name="quiet"/>) logs
    /// warnings and worse only, so its own output is what the operator reads.
    /// </summary>
    public static WebApplication Build(IReadOnlyList<string> settings, bool quiet, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. settings],
            // An app started from another folder (published, or its build output) still finds its settings and wwwroot.
            ContentRootPath = !File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
                              && File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
                ? AppContext.BaseDirectory
                : null,
        });
        if (quiet)
        {
            builder.Configuration.AddInMemoryCollection([new("Serilog:MinimumLevel:Default", "Warning")]);
        }

        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        // Where to listen, as ASP.NET Core reads it (ASPNETCORE_URLS, --urls, Urls, the HTTP_PORTS variables or
        // Kestrel:Endpoints); the wiki's own default only when none of them says.
        if (new[] { WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey }.All(key => string.IsNullOrWhiteSpace(builder.Configuration[key]))
            && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.Configuration.AddInMemoryCollection([new(WebHostDefaults.ServerUrlsKey, DefaultUrls)]);
        }

        builder.AddWikiLogging();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        UseBuildAssets(builder);
        builder.Services.AddOptions<WikiOptions>().Bind(builder.Configuration.GetSection(WikiOptions.Section));
        builder.Services.AddWikiData(builder.Configuration);
        builder.Services.AddEntries();

        // What every write keeps in step, each feature registering its handler of the writer (they run in their
        // stages' order): the story's places, the search index, the page cache.
        builder.Services.AddStory();
        builder.Services.AddSearch();
        builder.Services.AddCaching();
        builder.Services.AddWikiMedia();
        builder.Services.AddImport();
        builder.Services.AddWikiAccounts(builder.Environment);
        builder.Services.AddWikiWeb();
        builder.Services.AddWikiMetrics();
        return builder.Build();
    }

    /// <summary>
    /// Runs <paramref name="run"/> on the app with its database ready (migrated, and seeded unless
    /// <paramref name="content"/> is false), turning a failed start into one log line and exit code 1.
    /// </summary>
    public static Task<int> RunAsync(WebApplication app, Func<Task<int>> run, bool content = true) =>
        WikiHost.RunAsync(app, app.Services.GetRequiredService<IOptions<WikiOptions>>().Value, async () =>
        {
            // Every command maps the pages and the API first: the address book (LinkGenerator) makes the links that
            // the seed import, the generator and every save store in the bodies' HTML, from these routes.
            app.UseWikiPipeline(app.Services.GetRequiredService<IOptions<WikiOptions>>().Value);
            await app.Services.PrepareWikiDatabaseAsync(content);
            return await run();
        });

    /// <summary>
    /// Serves the build's compressed assets from obj/ when the app runs from its build output in any environment
    /// (tests, <c>dotnet bin/.../JimPam.Wiki.dll</c>); a published app has them in wwwroot and this does nothing. A
    /// build output whose source tree this user cannot read still starts, without them, and says so.
    /// </summary>
    private static void UseBuildAssets(WebApplicationBuilder builder)
    {
        try
        {
            builder.WebHost.UseStaticWebAssets();
        }
        catch (Exception e) when (e is DirectoryNotFoundException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"JimPam.Wiki: the build's static assets cannot be read ({e.Message}); serving without them. Publish the app (dotnet publish) to serve them from its own folder.");
        }
    }
}
