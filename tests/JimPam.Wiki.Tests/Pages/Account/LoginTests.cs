using System.Net;
using AngleSharp.Html.Parser;
using JimPam.Wiki.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Pages.Account;

/// <summary>Editor accounts and the admin area's door: each test has an app and a database of its own.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the test class through IAsyncLifetime.DisposeAsync.")]
[Trait("Engine", "Any")]
public sealed class LoginTests : IAsyncLifetime
{
    private readonly WikiAppFactory _app = new();
    private EditorSession _session = null!;

    public async Task InitializeAsync()
    {
        _session = new EditorSession(_app);
        await EditorSession.AddEditorAsync(_app, "pam");
    }

    [Fact]
    public async Task An_anonymous_visit_to_the_admin_area_is_sent_to_log_in_and_back()
    {
        using var response = await _session.Client.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Fadmin", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task An_anonymous_form_post_to_the_admin_area_is_refused()
    {
        using var response = await _session.Client.PostAsync(new Uri("/admin", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_editor_logs_in_with_a_secure_http_only_strict_cookie_and_reaches_the_admin_area()
    {
        using var login = await _session.LogInAsync("pam");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/admin", login.Headers.Location!.OriginalString);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("jimpam.editor=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", cookie, StringComparison.Ordinal);
        Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("; samesite=strict", cookie, StringComparison.Ordinal);
        var admin = await _session.GetPageAsync("/admin");
        Assert.Contains("logged in as pam", admin.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Log out", admin.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_secure_http_only_and_strict_like_the_session_cookie()
    {
        using var page = await _session.Client.GetAsync(new Uri("/login", UriKind.Relative));

        var cookie = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", cookie, StringComparison.Ordinal);
        Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("; samesite=strict", cookie, StringComparison.Ordinal);

        // Over plain HTTP too (a wiki without TLS in front): marked Secure, and the page is still served.
        using var plain = await _app.CreateReader().GetAsync(new Uri("/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Contains("; secure", Assert.Single(plain.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)).ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_address_after_login_is_followed_only_within_the_site()
    {
        using var inside = await _session.SubmitAsync("/login?ReturnUrl=%2Fadmin%3Fx%3D1", new Dictionary<string, string> { ["Form.Name"] = "pam", ["Form.Password"] = EditorSession.Password });
        Assert.Equal("/admin?x=1", inside.Headers.Location!.OriginalString);

        using var fresh = new EditorSession(_app);
        using var outside = await fresh.SubmitAsync("/login?ReturnUrl=https%3A%2F%2Fevil.example%2F", new Dictionary<string, string> { ["Form.Name"] = "pam", ["Form.Password"] = EditorSession.Password });
        Assert.Equal("/admin", outside.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_the_name_kept()
    {
        using var response = await _session.LogInAsync("pam", "that's not what she said");
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EditorLogin.Refusal, page.QuerySelector(".form-errors")!.TextContent.Trim());
        Assert.Equal("pam", page.QuerySelector("input[name='Form.Name']")!.GetAttribute("value"));
        Assert.Equal("", page.QuerySelector("input[name='Form.Password']")!.GetAttribute("value") ?? "");
        Assert.Equal(HttpStatusCode.Redirect, await _session.StatusOfAsync("/admin"));
    }

    [Fact]
    public async Task Empty_fields_show_their_message_next_to_the_field()
    {
        using var response = await _session.LogInAsync("", "");
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal("Enter your editor name.", page.QuerySelector("#name-error")!.TextContent.Trim());
        Assert.Equal("Enter your password.", page.QuerySelector("#password-error")!.TextContent.Trim());
        Assert.Equal("name-error", page.QuerySelector("input[name='Form.Name']")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task Five_failures_from_one_address_lock_the_name_there_only_with_the_same_answer_and_the_command_line_unlocks_it()
    {
        using var attacker = new EditorSession(_app, "203.0.113.9");
        using var pam = new EditorSession(_app, "198.51.100.7");
        var answers = new List<string>();
        for (var attempt = 0; attempt < EditorLogin.MaxFailures; attempt++)
        {
            answers.Add(await RefusalAsync(await attacker.LogInAsync("pam", "wrong guess number " + attempt)));
        }

        // Locked for the attacker's address: even the right password gets the very same answer.
        answers.Add(await RefusalAsync(await attacker.LogInAsync("pam")));
        Assert.Single(answers.Distinct());
        Assert.Equal(EditorLogin.Refusal, answers[0]);
        Assert.Equal(HttpStatusCode.Redirect, await attacker.StatusOfAsync("/admin"));

        // Pam, at her own address, is not locked out.
        using (var login = await pam.LogInAsync("pam"))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.Equal("/admin", login.Headers.Location!.OriginalString);
        }

        Assert.Equal(0, await CommandAsync(command => command.UnlockAsync("pam")));

        using var unlocked = await attacker.LogInAsync("pam");
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
    }

    [Fact]
    public async Task Too_many_login_posts_from_one_client_are_answered_429()
    {
        // A window of an hour: the posts fall in one window however slow the machine.
        await using var app = WikiAppFactory.OnDatabase(_app.DatabasePath).With("Wiki:RateLimitWindow", "01:00:00");
        using var session = new EditorSession(app);
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= WikiAccounts.LoginAttemptsPerWindow; attempt++)
        {
            using var response = await session.LogInAsync("nobody-" + attempt, "wrong password for nobody");
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(WikiAccounts.LoginAttemptsPerWindow), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, await session.StatusOfAsync("/login"));
    }

    [Fact]
    public async Task Logging_out_takes_a_post_with_its_token_and_ends_the_session()
    {
        (await _session.LogInAsync("pam")).Dispose();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, await _session.StatusOfAsync("/logout"));
        using (var forged = await _session.Client.PostAsync(new Uri("/logout", UriKind.Relative), new FormUrlEncodedContent([])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, await _session.StatusOfAsync("/admin"));
        using var logout = await _session.SubmitAsync("/admin", new Dictionary<string, string>(), "footer form");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await _session.StatusOfAsync("/admin"));
    }

    [Fact]
    public async Task A_cookie_copied_before_logout_opens_nothing_afterwards()
    {
        using var login = await _session.LogInAsync("pam");
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("jimpam.editor=", StringComparison.Ordinal)).Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, await WithCookieAsync(cookie));

        using (var logout = await _session.SubmitAsync("/admin", new Dictionary<string, string>(), "footer form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, await WithCookieAsync(cookie));
    }

    [Fact]
    public async Task The_account_page_lists_the_open_sessions_and_logs_out_the_others()
    {
        using var laptop = new EditorSession(_app, "198.51.100.1");
        laptop.Client.DefaultRequestHeaders.UserAgent.ParseAdd("LaptopBrowser/1.0");
        using var phone = new EditorSession(_app, "198.51.100.2");
        phone.Client.DefaultRequestHeaders.UserAgent.ParseAdd("PhoneBrowser/2.0");
        (await laptop.LogInAsync("pam")).Dispose();
        (await phone.LogInAsync("pam")).Dispose();

        var page = await laptop.GetPageAsync("/admin/account");
        var rows = page.QuerySelectorAll("table.sessions tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        var mine = Assert.Single(rows, r => r.TextContent.Contains("(this session)", StringComparison.Ordinal));
        Assert.Contains("LaptopBrowser/1.0", mine.TextContent, StringComparison.Ordinal);
        Assert.Contains("198.51.100.1", mine.TextContent, StringComparison.Ordinal);
        Assert.Contains(rows, r => r.TextContent.Contains("PhoneBrowser/2.0", StringComparison.Ordinal) && r.TextContent.Contains("198.51.100.2", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Equal(2, r.QuerySelectorAll("time[datetime]").Length));

        using (var ended = await laptop.SubmitAsync("/admin/account", new Dictionary<string, string>(), "main form", "Log out the others"))
        {
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        }

        var after = await laptop.GetPageAsync("/admin/account");
        Assert.Contains("Logged out 1 other session.", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Single(after.QuerySelectorAll("table.sessions tbody tr"));
        Assert.Equal(HttpStatusCode.Redirect, await phone.StatusOfAsync("/admin"));
        Assert.Equal(HttpStatusCode.OK, await laptop.StatusOfAsync("/admin"));
    }

    private async Task<HttpStatusCode> WithCookieAsync(string cookie)
    {
        using var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("reset-password")]
    public async Task Disabling_an_editor_or_resetting_the_password_ends_open_sessions_at_the_next_request(string action)
    {
        (await _session.LogInAsync("pam")).Dispose();
        Assert.Equal(HttpStatusCode.OK, await _session.StatusOfAsync("/admin"));

        Assert.Equal(0, await CommandAsync(command => action == "disable" ? command.SetDisabledAsync("pam", disabled: true) : command.ResetPasswordAsync("pam", fromStdin: true)));

        Assert.Equal(HttpStatusCode.Redirect, await _session.StatusOfAsync("/admin"));
    }

    [Fact]
    public async Task A_restart_or_another_instance_keeps_editors_logged_in_because_the_keys_are_kept_in_the_database()
    {
        using var login = await _session.LogInAsync("pam");
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("jimpam.editor=", StringComparison.Ordinal)).Split(';')[0];
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(_app.DatabasePath)!, "keys")), "no key files beside the database");

        // A second app on the same database starts with no keys in memory: it can only read the cookie from the key table.
        await using var restarted = WikiAppFactory.OnDatabase(_app.DatabasePath);
        using var client = restarted.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Runs an "editor" command on this app's database, with a new passphrase on its standard input.</summary>
    private async Task<int> CommandAsync(Func<EditorCommand, Task<int>> run)
    {
        using var scope = _app.Services.CreateScope();
        return await run(new EditorCommand(
            scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>(),
            scope.ServiceProvider.GetRequiredService<JimPam.Wiki.Data.WikiDbContext>(),
            TimeProvider.System,
            new StringReader("a brand new passphrase for pam\n"),
            TextWriter.Null,
            TextWriter.Null,
            prompt: null));
    }

    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector(".form-errors")!.TextContent.Trim();
        }
    }

    public async Task DisposeAsync()
    {
        _session.Dispose();
        await _app.DisposeAsync();
    }
}
