using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using JimPam.Wiki.Tests.Hosting;
using JimPam.Wiki.Tests.Pages.Admin;
using Microsoft.Data.Sqlite;

namespace JimPam.Wiki.Tests.Data;

/// <summary>
/// <c>backup FILE</c> on SQLite: an online copy taken while an editor keeps saving holds every save acknowledged
/// before it began, passes SQLite's integrity check, is one file, and a wiki started on it serves its latest text.
/// </summary>
public sealed class BackupTests : EditorTestBase
{
    [Fact]
    public async Task A_backup_taken_while_an_editor_saves_holds_every_save_acknowledged_before_it_began_and_a_wiki_restored_from_it_serves()
    {
        using var folder = new TempFolder();
        var backup = Path.Combine(folder.Path, "backup.db");
        (int ExitCode, string Output, string Error) result = default;
        var (eventId, before) = await WhileSavingAsync(Pam, async () => result = await InProcessCommand.RunAsync(App.DatabasePath, "", "backup", backup));
        var (exitCode, output, error) = result;

        Assert.True(exitCode == 0, error);
        Assert.Contains("integrity check: ok", output, StringComparison.Ordinal);
        Assert.False(File.Exists(backup + "-wal"));
        List<string> kept;
        await using (var copy = new SqliteConnection($"Data Source={backup};Mode=ReadOnly;Pooling=False"))
        {
            await copy.OpenAsync();
            Assert.Equal("ok", await ScalarAsync(copy, "PRAGMA integrity_check;"));
            Assert.Equal("delete", await ScalarAsync(copy, "PRAGMA journal_mode;"));
            kept = await TextsAsync(copy, eventId);
        }

        Assert.All(before, take => Assert.Contains(kept, text => text.Contains($"take {take}.", StringComparison.Ordinal)));

        // Restore as the README says: the copy put where the database goes, and the wiki started on it.
        var restoredPath = Path.Combine(folder.Path, "restored.db");
        File.Copy(backup, restoredPath);
        var latest = kept.Select(text => int.Parse(text.Split("take ")[1].Split('.')[0], CultureInfo.InvariantCulture)).Max();
        await using var restored = WikiAppFactory.OnDatabase(restoredPath);
        var (_, season) = await restored.GetPageAsync("/seasons/5");
        Assert.Contains($"take {latest}.", season.GetElementById($"event-{eventId}")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs <paramref name="backup"/> while <paramref name="editor"/> keeps saving a Season 5 paragraph ("take 1", "take
    /// 2", ...), once five saves are acknowledged; gives the paragraph's id and the takes acknowledged before it began.
    /// </summary>
    public static async Task<(string EventId, int[] Before)> WhileSavingAsync(Pages.Account.EditorSession editor, Func<Task> backup)
    {
        var editUrl = (await editor.GetPageAsync("/seasons/5")).QuerySelector(".event .edit-links a")!.GetAttribute("href")!;
        var acknowledged = new ConcurrentQueue<int>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var take = 1; !stop.IsCancellationRequested; take++)
            {
                using var saved = await editor.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Body"] = $"Pam paints the warehouse mural, take {take}." });
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
                acknowledged.Enqueue(take);
            }
        });
        while (acknowledged.Count < 5)
        {
            await Task.Delay(20);
        }

        var before = acknowledged.ToArray();
        try
        {
            await backup();
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }

        return (editUrl.Split('/')[3], before);
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file_and_says_so()
    {
        using var folder = new TempFolder();
        var existing = Path.Combine(folder.Path, "keep.db");
        await File.WriteAllTextAsync(existing, "an earlier backup");

        var (exitCode, _, error) = await InProcessCommand.RunAsync(App.DatabasePath, "", "backup", existing);

        Assert.Equal(1, exitCode);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Equal("an earlier backup", await File.ReadAllTextAsync(existing));
        Assert.Equal([existing], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task A_backup_of_a_database_that_is_not_there_says_so_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var target = Path.Combine(folder.Path, "copy.db");

        var (exitCode, _, error) = await InProcessCommand.RunAsync(Path.Combine(folder.Path, "missing.db"), "", "backup", target);

        Assert.Equal(1, exitCode);
        Assert.Contains("There is no database at", error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    private static async Task<string> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture)!;
    }

    /// <summary>The texts of the paragraph's revisions that were saved by <see cref="WhileSavingAsync"/>.</summary>
    public static async Task<List<string>> TextsAsync(System.Data.Common.DbConnection connection, string eventId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"SnapshotJson\" FROM \"Revisions\" WHERE \"EntityType\" = 'event' AND \"EntityId\" = {int.Parse(eventId, CultureInfo.InvariantCulture)} AND \"SnapshotJson\" LIKE '%take %';";
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }
}

/// <summary>
/// PostgreSQL's backup, as the README gives it: pg_dump while an editor keeps saving, pg_restore into a new database,
/// and a wiki started on that database, with every save acknowledged before the dump began.
/// </summary>
[Trait("Engine", "Postgres")]
public sealed class PostgresBackupTests : EditorTestBase
{
    [Fact]
    public async Task A_pg_dump_taken_while_an_editor_saves_restores_into_a_new_database_with_every_save_acknowledged_before_it_began()
    {
        using var folder = new TempFolder();
        var dump = Path.Combine(folder.Path, "wiki.dump");
        var (eventId, before) = await BackupTests.WhileSavingAsync(Pam, () => RunAsync("pg_dump", "--format=custom", $"--file={dump}", Libpq(App.DatabasePath)));

        var restored = TestPostgres.CreateDatabase(fromTemplate: false);
        try
        {
            await RunAsync("pg_restore", "--no-owner", $"--dbname={Libpq(restored)}", dump);
            List<string> kept;
            await using (var connection = new Npgsql.NpgsqlConnection(TestPostgres.ConnectionString(restored)))
            {
                await connection.OpenAsync();
                kept = await BackupTests.TextsAsync(connection, eventId);
            }

            Assert.All(before, take => Assert.Contains(kept, text => text.Contains($"take {take}.", StringComparison.Ordinal)));
            var latest = kept.Select(text => int.Parse(text.Split("take ")[1].Split('.')[0], CultureInfo.InvariantCulture)).Max();
            await using var app = WikiAppFactory.OnDatabase(restored);
            var (_, season) = await app.GetPageAsync("/seasons/5");
            Assert.Contains($"take {latest}.", season.GetElementById($"event-{eventId}")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            TestPostgres.DropDatabase(restored);
        }
    }

    /// <summary>A libpq connection string for a database of the run's server (the password goes in PGPASSWORD).</summary>
    private static string Libpq(string database)
    {
        var server = new Npgsql.NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString(database));
        return $"host={server.Host} port={server.Port} dbname={database} user={server.Username}";
    }

    /// <summary>Runs one of the server's own tools (the newest installed, as .ci/postgres.sh picks its server) and expects it to succeed.</summary>
    private static async Task RunAsync(string tool, params string[] arguments)
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists)
                .OrderBy(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).LastOrDefault()
            : null;
        var start = new System.Diagnostics.ProcessStartInfo(installed ?? tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = new Npgsql.NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString("postgres")).Password;
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {await error}");
    }
}
