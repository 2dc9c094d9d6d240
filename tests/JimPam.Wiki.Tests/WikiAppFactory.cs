using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests;

/// <summary>
/// The real app on a real SQLite file in a temp folder of its own: a copy of the seeded wiki that the first factory
/// of the test run made (migrated and seeded by the app's own start-up, once), so each test that writes starts from
/// the seed without paying for the import again. With <c>JIMPAM_TEST_PROVIDER=Postgres</c> (and the server in
/// <c>JIMPAM_TEST_POSTGRES</c>, which test.sh starts), the same on PostgreSQL: a database of its own, made from a
/// seeded template database, dropped afterwards (<see cref="TestPostgres"/>).
/// </summary>
public sealed class WikiAppFactory : WebApplicationFactory<Program>
{
    private readonly TempFolder _data = new();
    private readonly string? _databasePath;
    private readonly string? _postgresDatabase;

    public WikiAppFactory()
        : this(null, fromTemplate: true)
    {
    }

    private WikiAppFactory(string? databasePath, bool fromTemplate)
    {
        _databasePath = databasePath;
        if (TestPostgres.Enabled)
        {
            _postgresDatabase = databasePath ?? TestPostgres.CreateDatabase(fromTemplate);
        }
        else if (fromTemplate)
        {
            File.Copy(Template.Value, DatabasePath);
        }
    }

    /// <summary>An app on a database another factory made, as a restart of that app would be.</summary>
    public static WikiAppFactory OnDatabase(string databasePath) => new(databasePath, fromTemplate: false);

    /// <summary>Which engine the apps of this test run use.</summary>
    public static string Engine => TestPostgres.Enabled ? "Postgres" : "Sqlite";

    /// <summary>An app that makes and seeds its database itself on its first start, as on a new machine.</summary>
    public static WikiAppFactory Fresh() => new(null, fromTemplate: false);

    /// <summary>The seeded database the factories copy: made once per test run by a fresh app, then closed.</summary>
    private static readonly Lazy<string> Template = new(() =>
    {
        var folder = new TempFolder();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => folder.Dispose();
        var path = Path.Combine(folder.Path, "template.db");
        using (var app = OnDatabase(path))
        {
            _ = app.Services;
        }

        // Close the pooled connections so the write-ahead log is folded into the file before it is copied.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
        }

        return File.Exists(path + "-wal") ? throw new InvalidOperationException($"{path} still has a write-ahead log after its app stopped") : path;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every database command the app sends.</summary>
    public Infrastructure.CommandCounter Commands { get; } = new();

    /// <summary>Settings the app starts with, beside the test defaults (set before the first request).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    private readonly List<Action<IServiceCollection>> _services = [];

    /// <summary>A setting the app starts with (before the first request).</summary>
    public WikiAppFactory With(string key, string value)
    {
        Settings[key] = value;
        return this;
    }

    /// <summary>The app writes its JSON log (Wiki:JsonLogPath) into this folder, from Information up, for a test that reads it (<c>Hosting.JsonLog</c>).</summary>
    public WikiAppFactory WithJsonLog(string folder, string level = "Information") =>
        With("Wiki:JsonLogPath", Path.Combine(folder, "wiki-.json")).With("Serilog:MinimumLevel:Default", level);

    /// <summary>Services the app gets besides its own (before the first request): a test's fault, hasher or filter.</summary>
    public WikiAppFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>The SQLite file; on PostgreSQL, the database's name (which <see cref="OnDatabase"/> takes too).</summary>
    public string DatabasePath => _postgresDatabase ?? _databasePath ?? Path.Combine(_data.Path, "wiki.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (_postgresDatabase is not null)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Wiki", TestPostgres.ConnectionString(_postgresDatabase));
        }
        else
        {
            builder.UseSetting("ConnectionStrings:Wiki", $"Data Source={DatabasePath}");
        }

        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services =>
        {
            services.AddTransient<IStartupFilter, ClientAddressFromHeader>();
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Commands);
        });
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        foreach (var configure in _services)
        {
            builder.ConfigureServices(configure);
        }
    }

    /// <summary>The header by which a test request says which client address it comes from (the test server has none).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>Gives a request the client address its test header names, as Kestrel gives it the peer's.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var address) && System.Net.IPAddress.TryParse(address, out var parsed))
                {
                    context.Connection.RemoteIpAddress = parsed;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>
    /// Serves the app on real Kestrel at a free loopback port, as a browser reaches it, and returns its address (the
    /// in-memory test server answers <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> as before).
    /// </summary>
    public string ServeOnKestrel()
    {
        UseKestrel(0);
        StartServer();
        return Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public HttpClient CreateReader() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>GETs a page and parses it as a browser would.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(string url)
    {
        using var client = CreateReader();
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return (response, new HtmlParser().ParseDocument(html));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
            if (_postgresDatabase is not null && _databasePath is null)
            {
                TestPostgres.DropDatabase(_postgresDatabase);
            }
        }
    }
}
