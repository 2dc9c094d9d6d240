using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Data.Sqlite;

/// <summary>
/// The wiki on SQLite, the embedded default: the file behind the connection string, the start-up lock beside it,
/// EF Core's migration lock table, the list of tables, the pragmas, and SQLite's error codes.
/// </summary>
public sealed class SqliteStore(string connectionString) : WikiStore
{
    public const string DefaultConnectionString = "Data Source=App_Data/wiki.db";

    private static readonly byte[] Header = Encoding.ASCII.GetBytes("SQLite format 3\0");

    public override string Engine => "SQLite";

    /// <summary>The database file.</summary>
    public override string Name { get; } = new SqliteConnectionStringBuilder(connectionString).DataSource;

    public override void Configure(DbContextOptionsBuilder options) => UseWikiSqlite(options, connectionString);

    public override EvictionLog CreateEvictionLog(ILoggerFactory loggers) => new SqliteEvictionLog(connectionString);

    public override void Check() => CheckDatabaseFile(Name);

    public override bool IsNew => !File.Exists(Name);

    public override void RemoveNew()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Name, Name + "-wal", Name + "-shm", Name + "-journal" })
        {
            File.Delete(file);
        }
    }

    public override async Task<IAsyncDisposable> AcquireStartupLockAsync(ILogger logger, CancellationToken cancellationToken) =>
        await AcquireStartupLockAsync(Name, logger, cancellationToken);

    public override Task PrepareAsync(WikiDbContext db, CancellationToken cancellationToken) => ApplyPragmasAsync(db, cancellationToken);

    public override StartupException? Explain(Exception exception) => Explain(exception, Name);

    /// <summary>
    /// SQLite's online backup: one read transaction copies every page (the write-ahead log's committed pages included)
    /// while writers go on, into a file beside the target that is renamed into place only once the copy has been
    /// turned into a single file (no write-ahead log) and has passed <c>PRAGMA integrity_check</c>.
    /// </summary>
    public override async Task<BackupReport> BackupAsync(string target, CancellationToken cancellationToken)
    {
        if (!File.Exists(Name))
        {
            throw new StartupException($"There is no database at {Name} to back up.");
        }

        var full = Path.GetFullPath(target);
        if (File.Exists(full) || Directory.Exists(full))
        {
            throw new StartupException($"{full} already exists; name a new file for the backup.");
        }

        var temporary = $"{full}.{Guid.NewGuid():N}.part";
        string integrity;
        try
        {
            await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
            {
                await source.OpenAsync(cancellationToken);
                await copy.OpenAsync(cancellationToken);
                source.BackupDatabase(copy);
                await using var command = copy.CreateCommand();
                command.CommandText = "PRAGMA journal_mode = DELETE;";
                await command.ExecuteNonQueryAsync(cancellationToken);
                command.CommandText = "PRAGMA integrity_check;";
                integrity = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            }

            if (integrity != "ok")
            {
                throw new StartupException($"The copy failed SQLite's integrity check ({integrity}); nothing was written to {full}.");
            }

            File.Move(temporary, full);
        }
        finally
        {
            File.Delete(temporary);
        }

        return new BackupReport(full, new FileInfo(full).Length, integrity);
    }

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

    /// <summary>One query per page section: the collections a page loads together are a few rows each.</summary>
    /// <summary>
    /// The wiki on a SQLite file as the app opens it: its migrations and compiled model are in a project of their own
    /// (JimPam.Wiki.Schema.Sqlite). A test or tool that opens a file by hand takes its options from here too.
    /// </summary>
    public static DbContextOptions<WikiDbContext> Options(string connectionString) =>
        (DbContextOptions<WikiDbContext>)UseWikiSqlite(new DbContextOptionsBuilder<WikiDbContext>(), connectionString).Options;

    private static DbContextOptionsBuilder UseWikiSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseSqlite(connectionString, sqlite => sqlite
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)
                .MigrationsAssembly(typeof(CompiledModels.WikiDbContextModel).Assembly.GetName().Name))
            .UseModel(CompiledModels.WikiDbContextModel.Instance);

    /// <summary>
    /// Checks, before SQLite touches it, that the database file can be used: its folder exists or can be made,
    /// the path is a file, the file is SQLite and this user may write it. Each problem names the path.
    /// </summary>
    private static void CheckDatabaseFile(string path)
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
    private static async Task<FileStream> AcquireStartupLockAsync(string databasePath, ILogger logger, CancellationToken cancellationToken)
    {
        var lockPath = databasePath + ".startup-lock";
        var wait = new StartupWait(logger, databasePath);
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
                await wait.NextAsync(cancellationToken);
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
    public override async Task<int> RemoveStaleMigrationLockAsync(WikiDbContext db, CancellationToken cancellationToken) =>
        (await TablesAsync(db, cancellationToken)).Contains("__EFMigrationsLock")
            ? await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\";", cancellationToken)
            : 0;

    protected override Task<List<string>> TablesAsync(WikiDbContext db, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'").ToListAsync(cancellationToken);

    /// <summary>Write-ahead logging lets readers go on while an editor saves. It is a property of the file, so set once.</summary>
    private static async Task ApplyPragmasAsync(WikiDbContext db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

    /// <summary>The storage fault this error is (SQLite's SQLITE_FULL, SQLITE_BUSY or SQLITE_LOCKED, SQLITE_READONLY), if it is one.</summary>
    internal static new StorageFault? FaultOf(Exception exception) => exception is SqliteException sqlite
        ? sqlite.SqliteErrorCode switch
        {
            13 => StorageFault.Full,
            5 or 6 => StorageFault.Busy,
            8 => StorageFault.ReadOnly,
            _ => null,
        }
        : null;

    /// <summary>
    /// Turns SQLite's refusals at start-up (a file that is not a database, read-only, corrupt, full) into a message
    /// that names the file; null for anything else.
    /// </summary>
    private static StartupException? Explain(Exception exception, string databasePath) =>
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
