using System.Net;
using JimPam.Wiki.Tests.Pages.Account;
using JimPam.Wiki.Tests.Pages.Admin;

namespace JimPam.Wiki.Tests.Caching;

/// <summary>
/// Two instances of the app on one database, each with its own page cache: a save's answer on one is followed, on
/// the other's very next read, by the page with the change; and a login made on one is good on the other, until a
/// logout on either. On SQLite the instances share a file; on PostgreSQL a server, and hear each other by LISTEN/NOTIFY.
/// </summary>
[Trait("Engine", "Any")]
public sealed class InstancesAgreeTests : EditorTestBase
{
    [Fact]
    public async Task After_each_save_on_one_instance_the_next_read_on_the_other_shows_it()
    {
        await using var other = WikiAppFactory.OnDatabase(App.DatabasePath);
        var editUrl = (await Pam.GetPageAsync("/seasons/5")).QuerySelector(".event .edit-links a")!.GetAttribute("href")!;
        var stale = new List<int>();
        const int tries = 200;

        for (var i = 1; i <= tries; i++)
        {
            // The other instance has the page cached (read twice: the second read is served from its cache).
            await other.GetPageAsync("/seasons/5");
            var (cached, _) = await other.GetPageAsync("/seasons/5");
            Assert.NotNull(cached.Headers.Age);

            using var saved = await Pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Body"] = $"Pam paints the warehouse mural, take {i}." });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

            var (_, after) = await other.GetPageAsync("/seasons/5");
            if (!after.QuerySelectorAll(".event").Any(e => e.TextContent.Contains($"take {i}.", StringComparison.Ordinal)))
            {
                stale.Add(i);
            }
        }

        Assert.Empty(stale);
    }

    [Fact]
    public async Task A_login_made_on_one_instance_opens_the_admin_pages_of_the_other_until_it_logs_out()
    {
        await using var other = WikiAppFactory.OnDatabase(App.DatabasePath);
        using var jim = new EditorSession(App);
        using var login = await jim.LogInAsync("jim");
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("jimpam.editor=", StringComparison.Ordinal)).Split(';')[0];
        using var client = other.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        async Task<HttpStatusCode> AdminOnOtherAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin", UriKind.Relative));
            request.Headers.Add("Cookie", cookie);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await AdminOnOtherAsync());

        using (var logout = await jim.SubmitAsync("/admin", new Dictionary<string, string>(), "footer form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, await AdminOnOtherAsync());
    }
}

/// <summary>A stamp file the app cannot map (here a folder stands in its place) costs the instances' agreement, never a page.</summary>
public sealed class UnusableStampTests : IAsyncDisposable
{
    private readonly WikiAppFactory _app = new();

    [Fact]
    public async Task Pages_are_served_and_cached_and_saves_succeed_without_the_stamp_file()
    {
        Directory.CreateDirectory(_app.DatabasePath + "-evictions");
        using var reader = _app.CreateReader();

        using var first = await reader.GetAsync(new Uri("/seasons/3", UriKind.Relative));
        using var second = await reader.GetAsync(new Uri("/seasons/3", UriKind.Relative));
        await EditorSession.AddEditorAsync(_app, "pam");
        using var pam = new EditorSession(_app);
        (await pam.LogInAsync("pam")).Dispose();
        using var saved = await pam.SubmitAsync("/admin/characters/new", new Dictionary<string, string> { ["Form.Name"] = "Astrid Levinson" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/characters/astrid-levinson", UriKind.Relative))).StatusCode);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
