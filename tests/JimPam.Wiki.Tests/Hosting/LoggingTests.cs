using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Hosting;

/// <summary>
/// The log as an operator reads it, through the machine-readable JSON file (Wiki:JsonLogPath): one event per
/// request with the status the client got, the trace id the error page shows, and request text escaped.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the test class through IAsyncLifetime.DisposeAsync.")]
public sealed class LoggingTests : IAsyncLifetime
{
    // A first start, as on a new machine: the log of migrating and seeding is part of what is checked.
    private readonly WikiAppFactory _wiki = WikiAppFactory.Fresh();
    private readonly TempFolder _logs = new();
    private WikiAppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = _wiki.WithJsonLog(_logs.Path).WithServices(services => services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientThatHangsUp>());
        using var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_server_error_is_one_event_with_the_exception_and_the_id_the_error_page_shows()
    {
        using (var connection = new SqliteConnection($"Data Source={_wiki.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE EventMentions;";
            drop.ExecuteNonQuery();
        }

        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri("/characters/pam-beesly", UriKind.Relative));
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var shown = page.QuerySelector("code.request-id")!.TextContent;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.NotNull(response.Headers.GetValues("Content-Security-Policy").Single());
        var events = Events().Where(e => e.TraceId == shown).ToList();
        var only = Assert.Single(events);
        Assert.Equal("Error", only.Level);
        Assert.Equal(500, only.StatusCode);
        Assert.Equal("/characters/pam-beesly", only.RequestPath);
        Assert.Contains("no such table: EventMentions", only.Exception, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/no/such/page", 404)]
    [InlineData("/seasons/99", 404)]
    [InlineData("/Seasons/3", 301)]
    [InlineData("/seasons/3", 200)]
    public async Task Each_request_is_one_event_with_the_status_the_client_got(string path, int status)
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, (int)response.StatusCode);
        var request = Assert.Single(Events(), e => e.RequestPath == path);
        Assert.Equal(status, request.StatusCode);
        Assert.Equal("Information", request.Level);
        Assert.Single(Events(), e => e.TraceId == request.TraceId);
    }

    [Fact]
    public void A_first_start_on_an_empty_database_migrates_and_seeds_without_a_warning()
    {
        // InitializeAsync started the app on a new file: every migration and the seed import ran.
        Assert.Contains(Events(), e => e.Raw.Contains("Applied the migration(s)", StringComparison.Ordinal));
        // Data Protection's note that its new key file is not encrypted at rest is the one warning a first start has
        // (the README's deployment notes say to protect App_Data); nothing of the migrations or the seed may warn.
        var warnings = Events()
            .Where(e => e.Level is "Warning" or "Error" or "Fatal")
            .Where(e => !e.Raw.Contains("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal))
            .Select(e => e.Raw).ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
    }

    [Fact]
    public async Task Reading_the_public_pages_for_the_first_time_logs_no_warning()
    {
        // A page's first read compiles its queries; EF Core's warnings about them (a row limit with no order, a
        // query split or not) surface then and only once per process, so each page here is read on a fresh start.
        using var client = _app.CreateClient();
        string[] pages = ["/", "/seasons/1", "/seasons/3", "/seasons/9", "/seasons/99", "/episodes/the-dundies", "/characters/pam-beesly", "/timeline", "/search?q=dundies"];

        foreach (var page in pages)
        {
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{page}: {response.StatusCode}");
        }

        var warnings = Events()
            .Where(e => e.Level is "Warning" or "Error" or "Fatal")
            .Where(e => !e.Raw.Contains("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal))
            .Select(e => e.Raw).ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
        var paths = pages.Select(p => p.Split('?')[0]).ToList();
        Assert.Equal(paths, Events().Where(e => e.Raw.Contains("RequestLoggingMiddleware", StringComparison.Ordinal) && e.RequestPath != "/healthz").Select(e => e.RequestPath));
    }

    [Fact]
    public async Task Trace_on_a_page_is_one_405_event()
    {
        using var client = _app.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Trace, new Uri("/episodes/the-dundies", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var only = Assert.Single(Events(), e => e.RequestPath == "/episodes/the-dundies");
        Assert.Equal(405, only.StatusCode);
        Assert.Single(Events(), e => e.TraceId == only.TraceId);
        Assert.DoesNotContain(Events(), e => e.Level is "Error" or "Fatal");
    }

    [Fact]
    public async Task A_path_with_encoded_newlines_and_escapes_is_logged_escaped()
    {
        using var client = _app.CreateClient();

        await client.GetAsync(new Uri("/seasons/3%0A%5B03:00:00%20CRT%5D%20forged%1B%5B31m", UriKind.Relative));

        var request = Assert.Single(Events(), e => e.RequestPath?.StartsWith("/seasons/3", StringComparison.Ordinal) == true && e.StatusCode == 404);
        Assert.Equal("/seasons/3%0A%5B03:00:00%20CRT%5D%20forged%1B%5B31m", request.RequestPath);
        Assert.DoesNotContain(Events(), e => e.Raw.Contains('\n', StringComparison.Ordinal) || e.Raw.Contains('\u001b', StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_that_hangs_up_is_not_logged_as_a_server_error()
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/characters/jim-halpert", UriKind.Relative));
        request.Headers.Add(ClientThatHangsUp.Header, "yes");

        await Assert.ThrowsAnyAsync<Exception>(() => client.SendAsync(request));

        // The client has gone at once; the server finishes (and logs) a moment later.
        await JsonLog.WaitForAsync(() => Events().Any(e => e.RequestPath == "/characters/jim-halpert"));

        var only = Assert.Single(Events(), e => e.RequestPath == "/characters/jim-halpert");
        Assert.Equal("Information", only.Level);
        Assert.Null(only.Exception);
        Assert.DoesNotContain(Events(), e => e.Level is "Error" or "Fatal");
    }

    public async Task DisposeAsync()
    {
        await _wiki.DisposeAsync();
        _logs.Dispose();
    }

    private List<LogLine> Events() => JsonLog.Read(_logs.Path);

    /// <summary>A reader who closes the tab while the page is being made: the request is aborted before the app answers.</summary>
    private sealed class ClientThatHangsUp : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public const string Header = "X-Test-Hang-Up";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.ContainsKey(Header))
                {
                    context.Abort();
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
