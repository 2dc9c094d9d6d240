using System.Net;
using Microsoft.Data.Sqlite;

namespace JimPam.Wiki.Tests.Hosting;

/// <summary>
/// Start-up as an operator meets it, with real processes on a temp database: after a crash at any moment,
/// with two instances at once, and on databases it cannot use or cannot vouch for.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StartupRecoveryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Database => Path.Combine(_folder.Path, "wiki.db");

    [Fact]
    public async Task A_migration_lock_left_by_a_crashed_start_is_cleared_and_the_wiki_comes_up()
    {
        // What a start killed during its migration leaves: EF Core's lock row, and no schema yet.
        Execute(Database,
            "CREATE TABLE \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK___EFMigrationsLock\" PRIMARY KEY, \"Timestamp\" TEXT NOT NULL);",
            "INSERT INTO \"__EFMigrationsLock\" VALUES (1, '2026-11-29 03:00:00+00:00');");

        await using var app = AppProcess.Start(Database);

        Assert.True(await app.WaitUntilServingAsync(TimeSpan.FromSeconds(90)), app.Output);
        Assert.Contains("Removed a migration lock that an interrupted start left", app.Output, StringComparison.Ordinal);
        Assert.Contains("0 migration(s) applied (latest none)", app.Output, StringComparison.Ordinal);
        Assert.Contains("pending [\"20261127051117_InitialCreate\"", app.Output, StringComparison.Ordinal);
        Assert.Equal(SeedCounts.Events, Scalar(Database, "SELECT COUNT(*) FROM RelationshipEvents"));
        Assert.Equal(0L, Scalar(Database, "SELECT COUNT(*) FROM \"__EFMigrationsLock\""));
    }

    [Fact]
    public async Task The_app_listens_where_ASPNETCORE_URLS_says_when_no_urls_argument_is_given()
    {
        File.Copy(SeededDatabase.Value, Database);

        await using var app = AppProcess.Start(Database, urlsFromEnvironment: true);

        Assert.True(await app.WaitUntilServingAsync(TimeSpan.FromSeconds(90)), app.Output);
        Assert.Contains($"Now listening on: http://127.0.0.1:{app.Port}", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(":5080", app.Output, StringComparison.Ordinal);
    }

    /// <summary>A seeded database made once for the class by the app's own first start, so a test that needs one need not seed it.</summary>
    private static readonly Lazy<string> SeededDatabase = new(() =>
    {
        var folder = new TempFolder();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => folder.Dispose();
        var path = Path.Combine(folder.Path, "seeded.db");
        using (var factory = WikiAppFactory.OnDatabase(path))
        {
            _ = factory.Services;
        }

        SqliteConnection.ClearAllPools();
        return path;
    });

    /// <summary>
    /// Points in a first start, each defined by what the app has done by then (not by a delay, which would mean
    /// another point on a faster or slower machine): the database file exists; the start has read the empty file's
    /// state and is about to migrate; the migrations are applied; the seed import has begun; it has committed.
    /// </summary>
    public static TheoryData<string> StartupSteps =>
        [FileAppears, "0 migration(s) applied (latest none)", "Applied the migration(s)", "is empty; importing", "Imported 9 seasons"];

    private const string FileAppears = "(the database file appears)";

    [Theory]
    [MemberData(nameof(StartupSteps))]
    public async Task Killing_the_first_start_after_any_step_leaves_a_database_the_next_start_serves(string step)
    {
        await using (var first = AppProcess.Start(Database))
        {
            Assert.True(await ReachedAsync(first, step), $"The first start never reached “{step}”:\n{first.Output}");
            first.Kill();
        }

        await using var second = AppProcess.Start(Database);
        Assert.True(await second.WaitUntilServingAsync(TimeSpan.FromSeconds(90)), second.Output);
        using var client = second.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/seasons/9", UriKind.Relative))).StatusCode);
        Assert.Equal(SeedCounts.Events, Scalar(Database, "SELECT COUNT(*) FROM RelationshipEvents"));
        Assert.Equal(SeedCounts.Episodes, Scalar(Database, "SELECT COUNT(*) FROM Episodes"));
    }

    /// <summary>Waits until the app has done <paramref name="step"/> (a line it logged, or the file existing); false if it exits first.</summary>
    private async Task<bool> ReachedAsync(AppProcess app, string step)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!app.HasExited && DateTime.UtcNow < deadline)
        {
            if (step == FileAppears ? File.Exists(Database) : app.Output.Contains(step, StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(2);
        }

        return false;
    }

    [Fact]
    public async Task Two_instances_started_together_on_an_empty_database_both_serve_and_import_once()
    {
        await using var one = AppProcess.Start(Database);
        await using var two = AppProcess.Start(Database);

        var serving = await Task.WhenAll(one.WaitUntilServingAsync(TimeSpan.FromSeconds(90)), two.WaitUntilServingAsync(TimeSpan.FromSeconds(90)));

        Assert.True(serving[0], one.Output);
        Assert.True(serving[1], two.Output);
        Assert.Equal(SeedCounts.Events, Scalar(Database, "SELECT COUNT(*) FROM RelationshipEvents"));
        Assert.Equal(SeedCounts.Characters, Scalar(Database, "SELECT COUNT(*) FROM Characters"));
        Assert.Equal(1, CountOf("Imported 9 seasons", one.Output + two.Output));
        foreach (var app in new[] { one, two })
        {
            using var client = app.Client();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/characters/pam-beesly", UriKind.Relative))).StatusCode);
        }
    }

    public static TheoryData<string> UnusableDatabases => ["folder", "not-sqlite", "folder-blocked-by-a-file", "read-only-file", "read-only-folder"];

    [Theory]
    [MemberData(nameof(UnusableDatabases))]
    public async Task A_database_the_app_cannot_use_stops_it_with_one_line_that_names_the_path(string problem)
    {
        var (path, named, expected) = Arrange(problem);
        var unprivileged = problem.StartsWith("read-only", StringComparison.Ordinal) && Environment.UserName == "root";

        await using var app = AppProcess.Start(path, appAssembly: unprivileged ? WorldReadableAppCopy() : null, runAs: unprivileged ? "nobody" : null);

        Assert.Equal(1, await app.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var fatal = app.Output.Split('\n').Where(line => line.Contains(" FTL] ", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(fatal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains(line.Trim(), app.ErrorOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_string_sqlite_cannot_read_stops_the_app_with_one_line_that_names_the_setting()
    {
        await using var app = AppProcess.Start(Database, new Dictionary<string, string> { ["ConnectionStrings:Wiki"] = "Host=db.example;Database=wiki;Username=wiki" });

        Assert.Equal(1, await app.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var line = Assert.Single(app.Output.Split('\n'), l => l.Contains(" FTL] ", StringComparison.Ordinal));
        Assert.Contains("ConnectionStrings:Wiki is not a SQLite connection string", line, StringComparison.Ordinal);
        Assert.Contains("'host'", line, StringComparison.Ordinal);
        Assert.Contains(line.Trim(), app.ErrorOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }

    [Theory]
    [InlineData("DELETE FROM \"__EFMigrationsHistory\";", "but no migration history, so its schema cannot be trusted")]
    [InlineData("INSERT INTO \"__EFMigrationsHistory\" VALUES ('29990101000000_FromTheFuture', '99.0.0');", "was migrated by a newer JimPam.Wiki: it has the migration(s) 29990101000000_FromTheFuture")]
    public async Task A_schema_the_app_cannot_vouch_for_is_refused_with_its_cause_and_left_as_it_was(string change, string cause)
    {
        await SeededCopyAsync();
        Execute(Database, change);

        await using var app = AppProcess.Start(Database);

        Assert.Equal(1, await app.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var line = Assert.Single(app.Output.Split('\n'), l => l.Contains(" FTL] ", StringComparison.Ordinal));
        Assert.Contains(Database, line, StringComparison.Ordinal);
        Assert.Contains(cause, line, StringComparison.Ordinal);
        Assert.DoesNotContain("already exists", app.Output, StringComparison.Ordinal);
        Assert.Equal(SeedCounts.Events, Scalar(Database, "SELECT COUNT(*) FROM RelationshipEvents"));
    }

    [Fact]
    public async Task A_restart_logs_the_applied_migrations_and_that_none_is_pending()
    {
        await SeededCopyAsync();

        await using var app = AppProcess.Start(Database);

        Assert.True(await app.WaitUntilServingAsync(), app.Output);
        Assert.Contains("0 pending", app.Output, StringComparison.Ordinal);
        Assert.Contains("migration(s) applied (latest ", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("importing", app.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        File.SetUnixFileMode(_folder.Path, (UnixFileMode)0b111_101_101);
        _folder.Dispose();
        foreach (var copy in _copies)
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    /// <summary>The database path to start with, the path the message must name, and what it must say.</summary>
    private (string Path, string Named, string Expected) Arrange(string problem)
    {
        var root = _folder.Path;
        switch (problem)
        {
            case "folder":
                Directory.CreateDirectory(Database);
                return (Database, Database, "is a folder, not a file");
            case "not-sqlite":
                File.WriteAllText(Database, "These are the minutes of the party planning committee, not a database.");
                return (Database, Database, "is not a SQLite database");
            case "folder-blocked-by-a-file":
                File.WriteAllText(Path.Combine(root, "App_Data"), "a file where the folder should be");
                return (Path.Combine(root, "App_Data", "wiki.db"), Path.Combine(root, "App_Data"), "is a file, not a folder");
            case "read-only-file":
                File.WriteAllBytes(Database, []);
                File.SetUnixFileMode(Database, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
                File.SetUnixFileMode(root, (UnixFileMode)0b111_111_111);
                return (Database, Database, "is read-only for this user");
            default:
                File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
                return (Database, root, "Cannot write in the database folder");
        }
    }

    /// <summary>The app's build output where any user may read it, for the runs that drop root.</summary>
    private string WorldReadableAppCopy()
    {
        var source = Path.GetDirectoryName(AppProcess.AppAssembly)!;
        var target = Path.Combine(Path.GetTempPath(), "jimpam-app-" + Guid.NewGuid().ToString("N"));
        // Not the build's static-asset manifest: it points into the source tree (src/JimPam.Wiki/wwwroot, obj/), which
        // the dropped-privilege user may not be able to enter (a clone inside a folder of mode 700).
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".staticwebassets.runtime.json", StringComparison.Ordinal)))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(target, "*", SearchOption.AllDirectories).Prepend(target))
        {
            File.SetUnixFileMode(entry, Directory.Exists(entry) ? (UnixFileMode)0b111_101_101 : (UnixFileMode)0b110_100_100);
        }

        _copies.Add(target);
        return Path.Combine(target, Path.GetFileName(AppProcess.AppAssembly));
    }

    private readonly List<string> _copies = [];

    private async Task SeededCopyAsync()
    {
        await using var app = AppProcess.Start(Database);
        Assert.True(await app.WaitUntilServingAsync(), app.Output);
    }

    private static void Execute(string database, params string[] statements)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        foreach (var sql in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    private static int Scalar(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int CountOf(string text, string output) =>
        output.Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));
}
