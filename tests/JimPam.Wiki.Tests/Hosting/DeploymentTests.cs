using System.Diagnostics;
using System.Net;
using JimPam.Wiki.Tests.Pages.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Hosting;

/// <summary>
/// The deployment of deploy/: two app processes on one PostgreSQL database behind nginx with deploy/nginx's
/// configuration (its upstream, listen address and cache folder pointed at this test's). An edit saved on one
/// instance is on the other's next read, on the editor's next read through nginx, and on anonymous readers' through
/// nginx once its micro-cache lets go; a login on one instance opens the other, and a logout on one ends it on both.
/// </summary>
[Trait("Engine", "Postgres")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the test class through IAsyncLifetime.DisposeAsync.")]
public sealed class DeploymentTests : IAsyncLifetime
{
    private static readonly string[] NginxPaths = ["/usr/sbin/nginx", "/usr/bin/nginx"];
    private static readonly string[] FromTheFrontCache = ["HIT", "UPDATING", "STALE"];

    private readonly TempFolder _front = new();
    private readonly string _database = TestPostgres.CreateDatabase(fromTemplate: true);
    private Dictionary<string, string> _settings = null!;
    private AppProcess _a = null!, _b = null!;
    private Process _nginx = null!;
    private int _nginxPort;

    public async Task InitializeAsync()
    {
        await using (var setup = WikiAppFactory.OnDatabase(_database))
        {
            await EditorSession.AddEditorAsync(setup, "pam");
        }

        _settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Wiki"] = TestPostgres.ConnectionString(_database),
            ["Wiki:TrustedProxies:0"] = "127.0.0.1",
            ["Wiki:FrontCache"] = "true",
        };
        _a = AppProcess.Start("unused.db", _settings);
        _b = AppProcess.Start("unused.db", _settings);
        Assert.True(await _a.WaitUntilServingAsync(), _a.Output);
        Assert.True(await _b.WaitUntilServingAsync(), _b.Output);
        _nginx = StartNginx(_a.Port, _b.Port);
    }

    /// <summary>deploy/nginx/jimpam-wiki.conf, as an operator installs it, with this test's ports and folders.</summary>
    private Process StartNginx(int first, int second)
    {
        var nginx = NginxPaths.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed: test.sh installs it (apt-get install nginx-light)");
        _nginxPort = FreePort();
        var site = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot(), "deploy", "nginx", "jimpam-wiki.conf"))
            .Replace("server 127.0.0.1:5081 ", $"server 127.0.0.1:{first} ", StringComparison.Ordinal)
            .Replace("server 127.0.0.1:5082 ", $"server 127.0.0.1:{second} ", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{_nginxPort};", StringComparison.Ordinal)
            .Replace("/var/cache/nginx/jimpam-wiki", Path.Combine(_front.Path, "cache"), StringComparison.Ordinal)
            // The test's nginx listens on plain http where a deployment's terminates TLS: it tells the app what a TLS
            // listener's $scheme would, so an editor's login cookie (Secure) goes through it.
            .Replace("X-Forwarded-Proto $scheme;", "X-Forwarded-Proto https;", StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{first}", site, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{_nginxPort}", site, StringComparison.Ordinal);
        Assert.Contains("X-Forwarded-Proto https;", site, StringComparison.Ordinal);
        var root = Environment.UserName == "root" ? "user root;\n" : "";
        File.WriteAllText(Path.Combine(_front.Path, "nginx.conf"), $$"""
            {{root}}daemon off;
            worker_processes 1;
            pid {{_front.Path}}/nginx.pid;
            error_log {{_front.Path}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log {{_front.Path}}/access.log;
                client_body_temp_path {{_front.Path}}/body;
                proxy_temp_path {{_front.Path}}/proxy;
                fastcgi_temp_path {{_front.Path}}/fastcgi;
                uwsgi_temp_path {{_front.Path}}/uwsgi;
                scgi_temp_path {{_front.Path}}/scgi;
            {{site}}
            }
            """);
        var info = new ProcessStartInfo(nginx) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-p", _front.Path, "-c", Path.Combine(_front.Path, "nginx.conf") })
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info)!;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A client of one address with a cookie jar of its own that sends every cookie (over plain http, as nginx's back end is).</summary>
    private static (HttpClient Client, CookieJar Jar) ClientOf(int port, bool forwardedHttps)
    {
        var jar = new CookieJar(forwardedHttps) { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false } };
        return (new HttpClient(jar) { BaseAddress = new Uri($"http://127.0.0.1:{port}") }, jar);
    }

    [Fact]
    public async Task An_edit_on_one_instance_reaches_the_other_and_readers_through_nginx_and_a_logout_on_one_ends_the_session_on_both()
    {
        var (front, _) = ClientOf(_nginxPort, forwardedHttps: false);
        using (front)
        {
            // nginx answers, and keeps anonymous pages a moment.
            Assert.True(await ServingAsync(front), File.ReadAllText(Path.Combine(_front.Path, "error.log")));
            using var first = await front.GetAsync(new Uri("/seasons/5", UriKind.Relative));
            using var second = await front.GetAsync(new Uri("/seasons/5", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Contains(second.Headers.GetValues("X-Front-Cache").Single(), FromTheFrontCache);

            // An editor logs in on A (the instances trust the test's forwarded https, as they trust nginx's).
            var (onA, jar) = ClientOf(_a.Port, forwardedHttps: true);
            using var pam = new EditorSession(onA);
            using (var login = await pam.LogInAsync("pam"))
            {
                Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            }

            var editUrl = (await pam.GetPageAsync("/seasons/5")).QuerySelector(".event .edit-links a")!.GetAttribute("href")!;
            using (var saved = await pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Body"] = "Pam paints the warehouse mural, behind nginx." }))
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }

            // B's next read has it; so has the editor's through nginx (never cached); anonymous readers once the
            // front's second is over.
            var (onB, jarB) = ClientOf(_b.Port, forwardedHttps: true);
            using (onB)
            {
                Assert.Contains("behind nginx.", await onB.GetStringAsync(new Uri("/seasons/5", UriKind.Relative)), StringComparison.Ordinal);
                using var editorThroughFront = new HttpRequestMessage(HttpMethod.Get, new Uri("/seasons/5", UriKind.Relative));
                editorThroughFront.Headers.Add("Cookie", jar.Header);
                using var editorPage = await front.SendAsync(editorThroughFront);
                Assert.Contains("behind nginx.", await editorPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.Equal("BYPASS", editorPage.Headers.GetValues("X-Front-Cache").Single());
                Assert.True(await EventuallyAsync(async () => (await front.GetStringAsync(new Uri("/seasons/5", UriKind.Relative))).Contains("behind nginx.", StringComparison.Ordinal)),
                    "anonymous readers through nginx never saw the edit");

                // The login made on A opens /admin on B, until pam logs out on A.
                jarB.CopyFrom(jar);
                using (var admin = await onB.GetAsync(new Uri("/admin", UriKind.Relative)))
                {
                    Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
                }

                using (var logout = await pam.SubmitAsync("/admin", new Dictionary<string, string>(), "footer form"))
                {
                    Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
                }

                using var afterLogout = await onB.GetAsync(new Uri("/admin", UriKind.Relative));
                Assert.Equal(HttpStatusCode.Redirect, afterLogout.StatusCode);
            }
        }
    }

    /// <summary>
    /// Each instance in turn is killed (SIGKILL) while readers and an editor keep using the wiki through nginx, and
    /// started again where nginx expects it. A read sent to the dead one is tried on the other, so no read fails; a
    /// save that reached the dead one is answered with an error (nginx never sends a POST twice), and every save that
    /// was answered as saved is in the history. The kills are timed by the readers' progress, not by the clock.
    /// </summary>
    [Fact]
    public async Task Instances_killed_under_load_fail_no_read_through_nginx_and_lose_no_acknowledged_save()
    {
        var (front, _) = ClientOf(_nginxPort, forwardedHttps: false);
        using (front)
        {
            Assert.True(await ServingAsync(front), File.ReadAllText(Path.Combine(_front.Path, "error.log")));
            var (editorClient, _) = ClientOf(_nginxPort, forwardedHttps: false);
            using var pam = new EditorSession(editorClient);
            using (var login = await pam.LogInAsync("pam"))
            {
                Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            }

            var editUrl = (await pam.GetPageAsync("/seasons/5")).QuerySelector(".event .edit-links a")!.GetAttribute("href")!;
            using var stop = new CancellationTokenSource();
            var reads = 0;
            var failedReads = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var readers = Enumerable.Range(0, 4).Select(reader => Task.Run(async () =>
            {
                // A query string of its own makes each read miss the front's cache and reach an instance.
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var url = $"/seasons/{(n % 9) + 1}?reader={reader}-{n}";
                    try
                    {
                        using var response = await front.GetAsync(new Uri(url, UriKind.Relative));
                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            failedReads.Enqueue($"{url}: {(int)response.StatusCode}");
                        }
                    }
                    catch (HttpRequestException e)
                    {
                        failedReads.Enqueue($"{url}: {e.Message}");
                    }

                    Interlocked.Increment(ref reads);
                }
            })).ToList();

            var acknowledged = new List<string>();
            var refused = 0;
            var saver = Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var text = $"Pam paints the mural again, save {n} under kills.";
                    try
                    {
                        using var saved = await pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Body"] = text });
                        if (saved.StatusCode == HttpStatusCode.Redirect)
                        {
                            acknowledged.Add(text);
                        }
                        else
                        {
                            refused++;
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
                    {
                        // No answer, or no form to post (its page failed): not acknowledged, so not counted as kept.
                        refused++;
                    }
                }
            });

            async Task ReadsGoOnAsync()
            {
                var target = Volatile.Read(ref reads) + 40;
                while (Volatile.Read(ref reads) < target && readers.All(r => !r.IsCompleted))
                {
                    await Task.Delay(20);
                }
            }

            const int Kills = 4;
            for (var kill = 0; kill < Kills; kill++)
            {
                await ReadsGoOnAsync();
                var victim = kill % 2 == 0 ? _a : _b;
                victim.Kill();
                await ReadsGoOnAsync();
                var again = AppProcess.Start("unused.db", _settings, port: victim.Port);
                Assert.True(await again.WaitUntilServingAsync(), again.Output);
                await victim.DisposeAsync();
                if (kill % 2 == 0)
                {
                    _a = again;
                }
                else
                {
                    _b = again;
                }
            }

            await ReadsGoOnAsync();
            await stop.CancelAsync();
            await Task.WhenAll(readers.Append(saver));

            Assert.True(reads >= 40 * (2 * Kills + 1), $"only {reads} reads");
            Assert.True(failedReads.IsEmpty, $"{failedReads.Count} of {reads} reads failed: {string.Join("; ", failedReads.Take(5))}\nnginx's error log: "
                + string.Join("\n", File.ReadLines(Path.Combine(_front.Path, "error.log")).Take(5)));
            Assert.NotEmpty(acknowledged);

            await using var app = WikiAppFactory.OnDatabase(_database);
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<JimPam.Wiki.Data.WikiDbContext>();
            var history = await db.Revisions.Where(r => r.EntityType == JimPam.Wiki.Data.Revision.EventType).Select(r => r.SnapshotJson).ToListAsync();
            var lost = acknowledged.Where(text => !history.Any(snapshot => snapshot.Contains(text, StringComparison.Ordinal))).ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged saves are not in the history ({refused} refused): {string.Join("; ", lost)}");
        }
    }

    private static async Task<bool> ServingAsync(HttpClient front) =>
        await EventuallyAsync(async () =>
        {
            try
            {
                using var response = await front.GetAsync(new Uri("/healthz", UriKind.Relative));
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        });

    /// <summary>True once the check holds; false if it never does in a minute (a bound against a hang, not a measure of speed).</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> check)
    {
        for (var i = 0; i < 240; i++)
        {
            if (await check())
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }

    public async Task DisposeAsync()
    {
        if (!_nginx.HasExited)
        {
            _nginx.Kill();
            await _nginx.WaitForExitAsync();
        }

        _nginx.Dispose();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        TestPostgres.DropDatabase(_database);
        _front.Dispose();
    }

    /// <summary>Keeps the cookies a server sets and sends them all back; optionally says the request came over https.</summary>
    private sealed class CookieJar(bool forwardedHttps) : DelegatingHandler
    {
        private readonly Dictionary<string, string> _cookies = [];

        public string Header
        {
            get
            {
                lock (_cookies)
                {
                    return string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));
                }
            }
        }

        public void CopyFrom(CookieJar other)
        {
            lock (_cookies)
            {
                foreach (var (name, value) in other._cookies)
                {
                    _cookies[name] = value;
                }
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (forwardedHttps)
            {
                request.Headers.Add("X-Forwarded-Proto", "https");
            }

            if (Header is { Length: > 0 } header && !request.Headers.Contains("Cookie"))
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                lock (_cookies)
                {
                    foreach (var cookie in set)
                    {
                        var pair = cookie.Split(';')[0];
                        var equals = pair.IndexOf('=', StringComparison.Ordinal);
                        var (name, value) = (pair[..equals], pair[(equals + 1)..]);
                        if (value.Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                        {
                            _cookies.Remove(name);
                        }
                        else
                        {
                            _cookies[name] = value;
                        }
                    }
                }
            }

            return response;
        }
    }
}
