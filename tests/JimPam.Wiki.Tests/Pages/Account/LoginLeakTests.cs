using System.Net;
using AngleSharp.Html.Parser;
using JimPam.Wiki.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Pages.Account;

/// <summary>
/// A login tells nobody whether an editor exists: an unknown name, a wrong password, a locked name and a disabled
/// editor get the same answer after the same work, one password hash check each, counted by the hasher the app uses.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the test class through IAsyncLifetime.DisposeAsync.")]
public sealed class LoginLeakTests : IAsyncLifetime
{
    private readonly WikiAppFactory _wiki = new();
    private readonly CountingHasher _hasher = new();
    private readonly TempFolder _logs = new();
    private WikiAppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = _wiki.WithJsonLog(_logs.Path, "Warning").WithServices(services => services.AddSingleton<IPasswordHasher<IdentityUser>>(_hasher));
        await EditorSession.AddEditorAsync(_app, "pam");
        await EditorSession.AddEditorAsync(_app, "jim");
        await EditorSession.AddEditorAsync(_app, "dwight");
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var dwight = (await users.FindByNameAsync("dwight"))!;
        await users.SetLockoutEndDateAsync(dwight, DateTimeOffset.MaxValue);
    }

    [Fact]
    public async Task Unknown_wrong_locked_and_disabled_get_the_same_answer_after_one_hash_check_each()
    {
        using var client = new EditorSession(_app, "192.0.2.44");
        for (var attempt = 0; attempt < EditorLogin.MaxFailures; attempt++)
        {
            (await client.LogInAsync("jim", "a wrong guess for jim")).Dispose();
        }

        var cases = new (string Name, string Password)[]
        {
            ("michael", "that's what she said, twice"),   // no such editor
            ("pam", "a wrong guess for pam"),             // wrong password
            ("jim", EditorSession.Password),              // right password, name locked for this address
            ("dwight", EditorSession.Password),           // right password, editor disabled
        };
        var answers = new List<(HttpStatusCode Status, string Errors, int HashChecks)>();
        foreach (var (name, password) in cases)
        {
            var before = _hasher.Verifications;
            using var response = await client.LogInAsync(name, password);
            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            answers.Add((response.StatusCode, page.QuerySelector(".form-errors")!.TextContent.Trim(), _hasher.Verifications - before));
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, EditorLogin.Refusal, 1), a));
        Assert.Equal(HttpStatusCode.Redirect, await client.StatusOfAsync("/admin"));

        // And the right password, from an address with no failures, is one check too.
        using var pam = new EditorSession(_app, "192.0.2.45");
        var checks = _hasher.Verifications;
        using var login = await pam.LogInAsync("pam");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(1, _hasher.Verifications - checks);
    }

    [Fact]
    public async Task A_lockout_is_logged_once_with_the_address_it_came_from_and_never_the_password()
    {
        using var client = new EditorSession(_app, "192.0.2.77");
        for (var attempt = 0; attempt < EditorLogin.MaxFailures + 2; attempt++)
        {
            (await client.LogInAsync("pam", "guess-" + attempt + "-secret")).Dispose();
        }

        await Hosting.JsonLog.WaitForAsync(() => Hosting.JsonLog.Read(_logs.Path).Any(e => e.Raw.Contains("Locked logins", StringComparison.Ordinal)));
        var events = Hosting.JsonLog.Read(_logs.Path);
        var locked = Assert.Single(events, e => e.Raw.Contains("Locked logins", StringComparison.Ordinal));
        Assert.Equal("Warning", locked.Level);
        Assert.Contains("\"ClientAddress\":\"192.0.2.77\"", locked.Raw, StringComparison.Ordinal);
        Assert.Contains("\"Editor\":\"pam\"", locked.Raw, StringComparison.Ordinal);
        Assert.DoesNotContain(events, e => e.Raw.Contains("-secret", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _wiki.DisposeAsync();
        _logs.Dispose();
    }

    /// <summary>Identity's own hasher, counting how often a password is checked.</summary>
    private sealed class CountingHasher : IPasswordHasher<IdentityUser>
    {
        private readonly PasswordHasher<IdentityUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(IdentityUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(IdentityUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
