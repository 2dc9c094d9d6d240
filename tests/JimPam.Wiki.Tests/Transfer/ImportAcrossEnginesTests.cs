using System.Net;
using JimPam.Wiki.Tests.Hosting;
using JimPam.Wiki.Tests.Pages.Account;
using JimPam.Wiki.Tests.Pages.Admin;
using static JimPam.Wiki.Tests.Transfer.TransferTestKit;

namespace JimPam.Wiki.Tests.Transfer;

/// <summary>The wiki carried between the two engines, in a run on PostgreSQL (the only run with both).</summary>
[Trait("Engine", "Postgres")]
public sealed class ImportAcrossEnginesTests : EditorTestBase
{
    /// <summary>
    /// The wiki carried between the two engines and back: PostgreSQL's export imported into a SQLite file, exported,
    /// imported into a new PostgreSQL database and exported again; all three exports are the same.
    /// </summary>
    [Fact]
    public async Task A_wiki_carried_from_PostgreSQL_into_SQLite_and_back_is_the_same_wiki()
    {
        await EditInEveryWayAsync(App, Pam);
        using var folder = new TempFolder();
        var (fromPostgres, fromSqlite, back) = (Path.Combine(folder.Path, "postgres"), Path.Combine(folder.Path, "sqlite"), Path.Combine(folder.Path, "back"));
        var sqlite = Path.Combine(folder.Path, "wiki.db");
        await RunAsync(App.DatabasePath, "export", fromPostgres);

        Assert.Equal(0, (await InProcessCommand.RunOnSqliteAsync(sqlite, "import", fromPostgres)).ExitCode);
        Assert.Equal(0, (await InProcessCommand.RunOnSqliteAsync(sqlite, "export", fromSqlite)).ExitCode);
        using var empty = new EmptyDatabase();
        await RunAsync(empty.Name, "import", fromSqlite);
        await RunAsync(empty.Name, "export", back);

        AssertSameFiles(fromPostgres, fromSqlite);
        AssertSameFiles(fromPostgres, back);

        // PostgreSQL's ids go on after the imported ones: a new paragraph is saved.
        await using var restored = WikiAppFactory.OnDatabase(empty.Name);
        await EditorSession.AddEditorAsync(restored, "pam");
        using var pam = new EditorSession(restored);
        (await pam.LogInAsync("pam")).Dispose();
        using var added = await pam.SubmitAsync("/admin/events/new", new Dictionary<string, string> { ["Form.Season"] = "4", ["Form.Position"] = "1", ["Form.Body"] = "Added after the move.", ["Form.Summary"] = "New" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Added after the move.", (await restored.GetPageAsync("/seasons/4")).Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
