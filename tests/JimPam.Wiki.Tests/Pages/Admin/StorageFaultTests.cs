using System.Data.Common;
using System.Net;
using AngleSharp.Html.Parser;
using JimPam.Wiki.Data;
using JimPam.Wiki.Tests.Hosting;
using JimPam.Wiki.Tests.Pages.Account;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Pages.Admin;

/// <summary>
/// A save the storage refuses, made to fail the way SQLite fails (its error 13 for a full disk, 5 for a database that
/// stays busy, 8 for a read-only one): 503, the form again with the typed text and what happened, nothing changed,
/// and one log event that names the cause.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the test class through IAsyncLifetime.DisposeAsync.")]
public sealed class StorageFaultTests : IAsyncLifetime
{
    private readonly WikiAppFactory _wiki = new();
    private readonly TempFolder _logs = new();
    private readonly FailingWrites _failing = new();
    private WikiAppFactory _app = null!;
    private EditorSession _pam = null!;

    public async Task InitializeAsync()
    {
        _app = _wiki.WithJsonLog(_logs.Path).WithServices(services => services.ConfigureDbContext<WikiDbContext>(options => options.AddInterceptors(_failing)));
        await EditorSession.AddEditorAsync(_app, "pam");
        _pam = new EditorSession(_app);
        (await _pam.LogInAsync("pam")).Dispose();
    }

    [Theory]
    [InlineData(13, "its storage is full; nothing was changed", "the storage is full")]
    [InlineData(5, "its database stayed busy with other work for too long; nothing was changed", "the database stayed busy past its timeout")]
    [InlineData(8, "its database is read-only at the moment; nothing was changed", "the database is read-only")]
    public async Task A_paragraph_save_the_storage_refuses_answers_503_with_the_typed_text_and_one_log_line(int sqliteError, string message, string cause)
    {
        var editUrl = (await _pam.GetPageAsync("/seasons/5")).QuerySelector(".event .edit-links a")!.GetAttribute("href")!;
        var id = int.Parse(editUrl.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
        var form = await _pam.GetPageAsync(editUrl);
        _failing.Error = sqliteError;

        using var response = await _pam.PostFormAsync(form, new Dictionary<string, string> { ["Form.Body"] = "Jim and Pam at [[Niagara]], typed with care.", ["Form.Summary"] = "Careful" }, url: editUrl);
        _failing.Error = null;
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("30", response.Headers.RetryAfter!.ToString());
        Assert.Contains($"The wiki could not save because {message}", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Jim and Pam at [[Niagara]], typed with care.", page.QuerySelector("textarea[name='Form.Body']")!.TextContent.TrimStart('\n'));
        Assert.Equal("Careful", page.QuerySelector("input[name='Form.Summary']")!.GetAttribute("value"));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
            Assert.Equal(1, await db.Events.Where(e => e.Id == id).Select(e => e.Revision).SingleAsync());
            Assert.Equal(0, await db.Revisions.CountAsync(r => r.Author == "pam"));
        }

        await JsonLog.WaitForAsync(() => JsonLog.Read(_logs.Path).Any(e => e.StatusCode == 503));
        var events = JsonLog.Read(_logs.Path);
        var request = Assert.Single(events, e => e.StatusCode == 503);
        Assert.Equal(editUrl, request.RequestPath);
        Assert.Equal("Warning", request.Level);
        Assert.Null(request.Exception);
        Assert.Contains($"the save was refused because {cause}", request.Raw, StringComparison.Ordinal);
        Assert.Single(events, e => e.TraceId == request.TraceId);
        Assert.DoesNotContain(events, e => e.Level is "Error" or "Fatal" || e.Raw.Contains("   at ", StringComparison.Ordinal));

        // Once the storage takes writes again, the same text saves.
        using var saved = await _pam.PostFormAsync(page, new Dictionary<string, string>(), url: editUrl);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Theory]
    [InlineData("/admin/seasons/4/edit", "Form.Summary", "Season four, kept")]
    [InlineData("/admin/characters/new", "Form.Name", "Deangelo Vickers")]
    [InlineData("/admin/jokes/new", "Form.Body", "A teapot, kept")]
    public async Task Every_entry_form_keeps_the_typed_text_when_the_disk_is_full(string url, string field, string text)
    {
        var form = await _pam.GetPageAsync(url);
        _failing.Error = 13;

        using var response = await _pam.PostFormAsync(form, new Dictionary<string, string> { [field] = text }, url: url);
        _failing.Error = null;
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("its storage is full; nothing was changed", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        var typed = page.QuerySelector($"[name='{field}']")!;
        Assert.Equal(text, typed.LocalName == "textarea" ? typed.TextContent.TrimStart('\n') : typed.GetAttribute("value"));
    }

    [Fact]
    public async Task A_logout_the_storage_refuses_says_so_and_leaves_the_session_as_it_was()
    {
        var page = await _pam.GetPageAsync("/admin");
        _failing.Error = 13;

        using var response = await _pam.PostFormAsync(page, new Dictionary<string, string>(), "footer form", url: "/admin");
        _failing.Error = null;
        var answer = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Not logged out", answer.QuerySelector("h1")!.TextContent);
        Assert.Contains("its storage is full; nothing was changed", answer.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await _pam.StatusOfAsync("/admin"));
    }

    public async Task DisposeAsync()
    {
        _pam.Dispose();
        await _wiki.DisposeAsync();
        _logs.Dispose();
    }

    /// <summary>Fails every write command with the SQLite error a test sets, as SQLite itself reports it.</summary>
    private sealed class FailingWrites : DbCommandInterceptor
    {
        public int? Error { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Fail(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Fail(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Fail(DbCommand command)
        {
            var sql = command.CommandText.TrimStart();
            if (Error is { } code && (sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)))
            {
                throw new SqliteException(code switch { 13 => "database or disk is full", 5 => "database is locked", _ => "attempt to write a readonly database" }, code);
            }
        }
    }
}
