using System.Text;
using JimPam.Wiki.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Data;

/// <summary>
/// The one place that knows the wiki runs on SQLite: the file behind the connection string, the start-up
/// lock beside it, EF Core's migration lock table, the list of tables, and the pragmas.
/// A second provider (PostgreSQL) plugs in here, and nowhere else.
/// </summary>
public static class SqliteStore
{
    public const string DefaultConnectionString = "Data Source=App_Data/wiki.db";

    /// <summary>EF Core's own tables; any other table means the file already holds a schema.</summary>
    private static readonly string[] EfTables = ["__EFMigrationsHistory", "__EFMigrationsLock"];

    private static readonly byte[] Header = Encoding.ASCII.GetBytes("SQLite format 3\0");

    /// <summary>
    /// Null when SQLite can read the configured connection string; otherwise what is wrong with it, naming the
    /// setting (a PostgreSQL string such as "Host=...;Database=..." names keywords SQLite does not know).
    /// </summary>
    public static string? ConnectionStringProblem(string? configured)
    {
        try
        {
            _ = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return $"ConnectionStrings:Wiki is not a SQLite connection string: {e.Message} Write it as \"Data Source=path/to/wiki.db\".";
        }
    }

    /// <summary>Makes a relative "Data Source" relative to the content root. Creates nothing.</summary>
    public static string ResolveConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && !source.StartsWith("file:", StringComparison.Ordinal))
        {
            builder.DataSource = Path.GetFullPath(source, contentRoot);
        }

        return builder.ToString();
    }

    public static DbContextOptionsBuilder UseWikiSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        // One query per page section: the collections a page loads together are a few rows each.
        options.UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));

    /// <summary>The database file a context uses, for messages to the operator.</summary>
    public static string DatabasePath(WikiDbContext db) =>
        new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;

    /// <summary>
    /// Checks, before SQLite touches it, that the database file can be used: its folder exists or can be made,
    /// the path is a file, the file is SQLite and this user may write it. Each problem names the path.
    /// </summary>
    public static void CheckDatabaseFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new StartupException($"The database path {path} is a folder, not a file. Point ConnectionStrings:Wiki at a file (for example {Path.Combine(path, "wiki.db")}), or move the folder away.");
        }

        var folder = Path.GetDirectoryName(path)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var blocker = Ancestors(folder).FirstOrDefault(File.Exists);
            var reason = blocker is null ? e.Message : $"{blocker} is a file, not a folder.";
            throw new StartupException($"Cannot create the database folder {folder}: {reason} Create the folder, or give this user ({Environment.UserName}) the right to, or point ConnectionStrings:Wiki elsewhere.", e);
        }

        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            var start = new byte[Header.Length];
            var read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
            // An empty file is a new database to SQLite; anything else must begin with the 16-byte header.
            if (read > 0 && (read < Header.Length || !start.AsSpan().SequenceEqual(Header)))
            {
                throw new StartupException($"The database file {path} is not a SQLite database (it does not start with the SQLite header). Restore it from a backup, or move it away to let the wiki create a new one.");
            }
        }
        catch (UnauthorizedAccessException e)
        {
            throw new StartupException($"The database file {path} is read-only for this user ({Environment.UserName}); the wiki needs to write it. Fix its permissions (chmod u+w, or chown to this user).", e);
        }
        catch (IOException e)
        {
            throw new StartupException($"The database file {path} cannot be opened: {e.Message}", e);
        }
    }

    private static IEnumerable<string> Ancestors(string folder)
    {
        for (var current = folder; !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            yield return current;
        }
    }

    /// <summary>
    /// Takes a lock that one process at a time may hold: the one that migrates and seeds. It is a lock the
    /// operating system holds on an open file (<c>wiki.db.startup-lock</c>), so a process that dies, even by
    /// <c>kill -9</c>, lets go of it at once. Another process that starts meanwhile waits here.
    /// </summary>
    public static async Task<IDisposable> AcquireStartupLockAsync(string databasePath, ILogger logger, CancellationToken cancellationToken)
    {
        var lockPath = databasePath + ".startup-lock";
        var waitingSince = System.Diagnostics.Stopwatch.GetTimestamp();
        TimeSpan? lastReport = null;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new StartupException($"Cannot write in the database folder {Path.GetDirectoryName(databasePath)}: {e.Message} SQLite writes its journal files (-wal, -shm) beside the database, so the folder must be writable for this user ({Environment.UserName}).", e);
            }
            catch (IOException) when (File.Exists(lockPath))
            {
                // Another process holds the lock: it is migrating or seeding this database. Wait for it.
                var waited = System.Diagnostics.Stopwatch.GetElapsedTime(waitingSince);
                if (lastReport is null || waited - lastReport > TimeSpan.FromSeconds(10))
                {
                    logger.LogInformation("Another process is preparing {Database}; waiting for it ({Waited:0}s so far)", databasePath, waited.TotalSeconds);
                    lastReport = waited;
                }

                await Task.Delay(200, cancellationToken);
            }
            catch (IOException e)
            {
                throw new StartupException($"Cannot create the start-up lock {lockPath}: {e.Message}", e);
            }
        }
    }

    /// <summary>
    /// EF Core marks a running migration with a row in <c>__EFMigrationsLock</c> and deletes it when done; a
    /// process killed in between leaves the row, and every later start would wait for it forever. Called only
    /// while this process holds the start-up lock, so no other process of this app can be migrating: any row
    /// left is stale. Returns the number of rows removed.
    /// </summary>
    public static async Task<int> RemoveStaleMigrationLockAsync(WikiDbContext db, CancellationToken cancellationToken)
    {
        var tables = await TablesAsync(db, cancellationToken);
        return tables.Contains("__EFMigrationsLock")
            ? await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\";", cancellationToken)
            : 0;
    }

    /// <summary>
    /// The migrations applied to the file, read straight from EF Core's history table. EF Core's own
    /// GetAppliedMigrations builds a model of that table first: a tenth of a second of every cold start, to read one
    /// column. Migrate still uses EF Core's own, when something is pending.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AppliedMigrationsAsync(WikiDbContext db, CancellationToken cancellationToken) =>
        (await TablesAsync(db, cancellationToken)).Contains("__EFMigrationsHistory")
            ? await db.Database.SqlQueryRaw<string>("SELECT \"MigrationId\" AS \"Value\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"").ToListAsync(cancellationToken)
            : [];

    /// <summary>The tables in the file that EF Core's migrations did not make for themselves.</summary>
    public static async Task<IReadOnlyList<string>> SchemaTablesAsync(WikiDbContext db, CancellationToken cancellationToken) =>
        [.. (await TablesAsync(db, cancellationToken)).Where(t => !EfTables.Contains(t) && !t.StartsWith("sqlite_", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    private static Task<List<string>> TablesAsync(WikiDbContext db, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'").ToListAsync(cancellationToken);

    /// <summary>Write-ahead logging lets readers go on while an editor saves. It is a property of the file, so set once.</summary>
    public static Task ApplyPragmasAsync(WikiDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

    /// <summary>
    /// The storage fault behind a failed write (SQLite's SQLITE_FULL, SQLITE_BUSY or SQLITE_LOCKED, SQLITE_READONLY,
    /// wherever EF Core wrapped it), or null for any other error, which is a bug to report, not a state to wait out.
    /// </summary>
    public static StorageFault? FaultOf(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException sqlite)
            {
                return sqlite.SqliteErrorCode switch
                {
                    13 => StorageFault.Full,
                    5 or 6 => StorageFault.Busy,
                    8 => StorageFault.ReadOnly,
                    _ => null,
                };
            }
        }

        return null;
    }

    /// <summary>
    /// Turns SQLite's refusals at start-up (a file that is not a database, read-only, corrupt, full) into a message
    /// that names the file; null for anything else.
    /// </summary>
    public static StartupException? Explain(Exception exception, string databasePath) =>
        exception is SqliteException sqlite
            ? new StartupException(sqlite.SqliteErrorCode switch
            {
                8 => $"The database {databasePath} is read-only for this user ({Environment.UserName}), or its folder is: {sqlite.Message}",
                10 or 14 => $"The database {databasePath} cannot be opened or written (check the file, its folder, its -wal and -shm files and the free disk space): {sqlite.Message}",
                11 or 26 => $"The database {databasePath} is damaged or not a SQLite database: {sqlite.Message} Restore it from a backup, or move it away to start afresh.",
                13 => $"The disk holding {databasePath} is full: {sqlite.Message}",
                _ => $"The database {databasePath} cannot be used: {sqlite.Message}",
            }, sqlite)
            : null;
}
