using JimPam.Wiki.Tests.Pages.Account;

namespace JimPam.Wiki.Tests.Pages.Admin;

/// <summary>The editors' pages pass the W3C Nu HTML checker too, as a logged-in editor sees them (own app and database).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the test class through IAsyncLifetime.DisposeAsync.")]
public sealed class AdminHtmlValidityTests : IAsyncLifetime
{
    private readonly WikiAppFactory _app = new();
    private EditorSession _editor = null!;

    public async Task InitializeAsync()
    {
        await EditorSession.AddEditorAsync(_app, "pam");
        _editor = new EditorSession(_app);
        (await _editor.LogInAsync("pam")).Dispose();
    }

    [Fact]
    public async Task Every_editor_page_has_no_html_errors()
    {
        var eventEdit = (await _editor.GetPageAsync("/seasons/5")).QuerySelector(".event .edit-links a")!.GetAttribute("href")!;
        var jokeEdit = (await _editor.GetPageAsync("/seasons/5")).QuerySelector(".edit-joke")!.GetAttribute("href")!;

        await HtmlValidityTests.AssertValidAsync(_editor.Client,
        [
            "/admin", "/admin/broken-links", "/admin/episodes/new", "/admin/episodes/1/edit", "/admin/characters/new", "/admin/characters/1/edit",
            "/admin/relationships/1/edit", "/admin/seasons/5/edit", "/admin/jokes/new", jokeEdit, "/admin/events/new?season=5", eventEdit,
            "/history/event/1", "/seasons/5", "/episodes/pilot", "/",
        ]);
    }

    public async Task DisposeAsync()
    {
        _editor.Dispose();
        await _app.DisposeAsync();
    }
}
