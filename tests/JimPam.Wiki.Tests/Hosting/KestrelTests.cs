using System.Net;
using System.Net.Sockets;
using System.Text;

namespace JimPam.Wiki.Tests.Hosting;

/// <summary>One seeded app process shared by the Kestrel tests, which only read from it.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class KestrelApp : IAsyncLifetime
{
    public TempFolder Folder { get; } = new();

    public AppProcess App { get; private set; } = null!;

    public string LogFolder => Path.Combine(Folder.Path, "logs");

    public async Task InitializeAsync()
    {
        App = AppProcess.Start(Path.Combine(Folder.Path, "wiki.db"), new Dictionary<string, string>
        {
            ["Wiki:PublicBaseUrl"] = "https://jimpam.example",
            ["Wiki:JsonLogPath"] = Path.Combine(LogFolder, "wiki-.json"),
        });
        Assert.True(await App.WaitUntilServingAsync(), App.Output);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Folder.Dispose();
    }
}

/// <summary>The app on real Kestrel, in its own process, as clients and proxies reach it over a socket.</summary>
public sealed class KestrelTests(KestrelApp fixture) : IClassFixture<KestrelApp>
{
    private readonly AppProcess _app = fixture.App;
    private readonly TempFolder _folder = fixture.Folder;

    private string LogFolder => fixture.LogFolder;

    [Fact]
    public async Task Responses_name_no_server_software()
    {
        using var client = _app.Client();

        using var response = await client.GetAsync(new Uri("/seasons/3", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task A_request_without_a_host_header_still_gets_the_configured_canonical_link()
    {
        var answer = await RawAsync("GET /seasons/3 HTTP/1.0\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200", answer, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"canonical\" href=\"https://jimpam.example/seasons/3\">", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("http:///", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_log_line_in_the_path_stays_on_one_escaped_console_line()
    {
        using var client = _app.Client();

        using var response = await client.GetAsync(new Uri("/seasons/3%0A[03:00:00%20CRT]%20Database%20dropped%1B[31m", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await JsonLog.WaitForAsync(() => _app.Output.Contains("GET /seasons/3%0A", StringComparison.Ordinal));
        var lines = _app.Output.Split('\n');
        Assert.DoesNotContain(lines, line => line.StartsWith("[03:00:00 CRT]", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', _app.Output);
        Assert.Contains(lines, line => line.Contains("HTTP GET /seasons/3%0A%5B03:00:00%20CRT%5D%20Database%20dropped%1B%5B31m responded 404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_request_line_on_the_console_carries_its_trace_id()
    {
        using var client = _app.Client();

        using var response = await client.GetAsync(new Uri("/characters/jim-halpert", UriKind.Relative));

        await JsonLog.WaitForAsync(() => _app.Output.Contains("GET /characters/jim-halpert responded 200", StringComparison.Ordinal));
        var line = _app.Output.Split('\n').Single(l => l.Contains("GET /characters/jim-halpert responded 200", StringComparison.Ordinal));
        Assert.Matches(" [0-9a-f]{32}\r?$", line);
    }

    [Fact]
    public async Task Forwarded_headers_are_ignored_when_no_proxy_is_trusted()
    {
        var answer = await RawAsync("GET /episodes HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: 203.0.113.9\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200", answer, StringComparison.Ordinal);
        var logged = await LoggedClientAddressAsync("/episodes", LogFolder);
        Assert.Equal("127.0.0.1", logged);
    }

    [Fact]
    public async Task Forwarded_headers_from_a_trusted_proxy_give_the_client_address()
    {
        await using var behindProxy = AppProcess.Start(Path.Combine(_folder.Path, "wiki.db"), new Dictionary<string, string>
        {
            ["Wiki:TrustedProxies:0"] = "127.0.0.1",
            ["Wiki:JsonLogPath"] = Path.Combine(_folder.Path, "proxied", "wiki-.json"),
        });
        Assert.True(await behindProxy.WaitUntilServingAsync(), behindProxy.Output);
        using var client = behindProxy.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/characters", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("203.0.113.9", await LoggedClientAddressAsync("/characters", Path.Combine(_folder.Path, "proxied")));
    }

    [Fact]
    public async Task Requests_the_server_refuses_before_the_app_are_one_information_event_each()
    {
        var answers = new[]
        {
            await RawAsync("GET /" + new string('a', 10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"),
            await RawAsync("GET /seasons/3 HTTP/1.1\r\nHost: x\r\nX-Big: " + new string('b', 40_000) + "\r\n\r\n"),
            await RawAsync("NOT A REQUEST LINE\r\n\r\n"),

            // A NUL in a path, which the app would refuse too (HostileAddressTests), is refused by Kestrel first.
            await RawAsync("GET /api/v1/episodes/pam%00 HTTP/1.1\r\nHost: x\r\n\r\n"),
        };

        Assert.StartsWith("HTTP/1.1 414", answers[0], StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 431", answers[1], StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 400", answers[2], StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 400", answers[3], StringComparison.Ordinal);
        static bool Refused(LogLine e) => e.Raw.Contains("before the app read it", StringComparison.Ordinal);
        await JsonLog.WaitForAsync(() => JsonLog.Read(LogFolder).Count(Refused) >= 4);
        var refused = JsonLog.Read(LogFolder).Where(Refused).ToList();
        Assert.Equal([400, 400, 414, 431], refused.Select(e => e.StatusCode ?? 0).Order());
        Assert.All(refused, e =>
        {
            Assert.Equal("Information", e.Level);
            Assert.Null(e.Exception);
            Assert.Equal("127.0.0.1", e.ClientAddress);
        });
        int OnConsole() => _app.Output.Split('\n').Count(l => l.Contains("before the app read it", StringComparison.Ordinal));
        await JsonLog.WaitForAsync(() => OnConsole() >= 4);
        Assert.Equal(4, OnConsole());
    }

    [Theory]
    [InlineData("/characters/%09", false)]
    [InlineData("/episodes/%20", false)]
    [InlineData("/api/v1/characters/%0A", true)]
    [InlineData("/api/v1/characters/%20", true)]
    public async Task A_control_character_or_a_blank_in_a_path_is_answered_400_or_404_by_the_app(string path, bool problem)
    {
        var answer = await RawAsync($"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        Assert.Matches("^HTTP/1.1 40[04] ", answer);
        if (problem)
        {
            Assert.Contains("Content-Type: application/problem+json", answer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_form_over_the_servers_limit_gets_413_with_a_page_that_says_so_and_one_information_event()
    {
        // The form says how large it is; the server answers before the rest is sent, as it would to a browser.
        var answer = await RawAsync("POST /login HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 31000000\r\n\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"Form.Image.File\"; filename=\"huge.jpg\"\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.Contains("This form is too large", answer, StringComparison.Ordinal);
        static bool Answered(LogLine e) => e.RequestPath == "/login" && e.StatusCode == 413;
        await JsonLog.WaitForAsync(() => JsonLog.Read(LogFolder).Any(Answered));
        var answered = Assert.Single(JsonLog.Read(LogFolder), Answered);
        Assert.Equal("Information", answered.Level);
        Assert.DoesNotContain(JsonLog.Read(LogFolder), e => e.Level is "Error" or "Fatal" || (e.StatusCode == 413 && e.Raw.Contains("before the app read it", StringComparison.Ordinal)));
    }

    private async Task<string> RawAsync(string request)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, _app.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static async Task<string?> LoggedClientAddressAsync(string path, string folder)
    {
        await JsonLog.WaitForAsync(() => JsonLog.Read(folder).Any(e => e.RequestPath == path && e.StatusCode is not null));
        return JsonLog.Read(folder).LastOrDefault(e => e.RequestPath == path && e.StatusCode is not null)?.ClientAddress;
    }
}
