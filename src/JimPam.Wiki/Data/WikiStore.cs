using JimPam.Wiki.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PostgresStore = JimPam.Wiki.Data.Postgres.PostgresStore;

namespace JimPam.Wiki.Data;

/// <summary>
/// The seam between the wiki and the database engine it runs on: SQLite (<see cref="SqliteStore"/>, the embedded
/// default: one file) or PostgreSQL (<see cref="PostgresStore"/>, for several instances on several machines).
/// It knows how to reach the database, how one process at a time gets it ready at start-up, what the schema holds,
/// how writers queue, and how the engine's refusals read. The search index (<see cref="SearchIndex"/>) and the
/// instances' cache evictions (<see cref="EvictionLog"/>) have a side for each engine too. Nothing outside Data/
/// writes SQL that only one engine understands.
/// </summary>
public abstract class WikiStore : IDisposable
{
    public const string ProviderSetting = "Database:Provider";
    public const string Sqlite = "Sqlite", Postgres = "Postgres";

    /// <summary>The engine's name for messages: SQLite or PostgreSQL.</summary>
    public abstract string Engine { get; }

    /// <summary>The database as its operator knows it, for messages: the file's path, or the database on its server.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// The store the configuration names (<c>Database:Provider</c>, <c>Sqlite</c> by default, and
    /// <c>ConnectionStrings:Wiki</c>), or a <see cref="StartupException"/> that says what is wrong with them.
    /// </summary>
    public static WikiStore Create(IConfiguration configuration, string contentRoot)
    {
        var connectionString = configuration.GetConnectionString("Wiki");
        return ProviderOf(configuration) switch
        {
            Sqlite => SqliteStore.ConnectionStringProblem(connectionString) is { } problem
                ? throw new StartupException(problem)
                : new SqliteStore(SqliteStore.ResolveConnectionString(connectionString, contentRoot)),
            Postgres => new PostgresStore(connectionString),
            var other => throw new StartupException($"{ProviderSetting} is '{other}'; it must be {Sqlite} (the default: one file) or {Postgres}."),
        };
    }

    /// <summary>Null when the configured provider and connection string can be used, else what is wrong with them.</summary>
    public static string? Problem(IConfiguration configuration)
    {
        try
        {
            using var store = Create(configuration, AppContext.BaseDirectory);
            return null;
        }
        catch (StartupException e)
        {
            return e.Message;
        }
    }

    /// <summary>The configured provider, spelled as the setting's documentation spells it (case is not significant).</summary>
    public static string ProviderOf(IConfiguration configuration) => configuration[ProviderSetting]?.Trim() switch
    {
        null or "" => Sqlite,
        var p when p.Equals(Sqlite, StringComparison.OrdinalIgnoreCase) => Sqlite,
        var p when p.Equals(Postgres, StringComparison.OrdinalIgnoreCase) || p.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) => Postgres,
        var p => p,
    };

    /// <summary>Whether the database is still to be made (a SQLite file that is not there yet); a PostgreSQL database is the operator's to make.</summary>
    public virtual bool IsNew => false;

    /// <summary>
    /// Removes a database this process made (the SQLite file and its journals), after a command that made it failed,
    /// so the command leaves nothing behind; call only when <see cref="IsNew"/> said so before the command began.
    /// </summary>
    public virtual void RemoveNew()
    {
    }

    /// <summary>Points EF Core at the database.</summary>
    public abstract void Configure(DbContextOptionsBuilder options);

    /// <summary>How this engine's instances tell each other which cached pages a save made stale.</summary>
    public abstract EvictionLog CreateEvictionLog(ILoggerFactory loggers);

    /// <summary>Checks, before the engine is asked anything, that the database can be used; throws a <see cref="StartupException"/> if not.</summary>
    public virtual void Check()
    {
    }

    /// <summary>
    /// A lock one process at a time may hold, across every machine that shares the database: the one that migrates
    /// and seeds. A process that dies lets go of it at once. Another process that starts meanwhile waits here.
    /// </summary>
    public abstract Task<IAsyncDisposable> AcquireStartupLockAsync(ILogger logger, CancellationToken cancellationToken);

    /// <summary>Waiting for another process's start-up: a try every 200 ms, and a line in the log every 10 s.</summary>
    protected sealed class StartupWait(ILogger logger, string database)
    {
        private readonly long _since = System.Diagnostics.Stopwatch.GetTimestamp();
        private TimeSpan? _lastReport;

        public async Task NextAsync(CancellationToken cancellationToken)
        {
            var waited = System.Diagnostics.Stopwatch.GetElapsedTime(_since);
            if (_lastReport is null || waited - _lastReport > TimeSpan.FromSeconds(10))
            {
                logger.LogInformation("Another process is preparing {Database}; waiting for it ({Waited:0}s so far)", database, waited.TotalSeconds);
                _lastReport = waited;
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>
    /// Removes a migration lock that a process killed while migrating left behind (called only under the start-up
    /// lock); the number of locks removed.
    /// </summary>
    public virtual Task<int> RemoveStaleMigrationLockAsync(WikiDbContext db, CancellationToken cancellationToken) => Task.FromResult(0);

    /// <summary>The migrations applied to the database, read straight from EF Core's history table.</summary>
    public async Task<IReadOnlyList<string>> AppliedMigrationsAsync(WikiDbContext db, CancellationToken cancellationToken) =>
        (await TablesAsync(db, cancellationToken)).Contains("__EFMigrationsHistory")
            ? await db.Database.SqlQueryRaw<string>("SELECT \"MigrationId\" AS \"Value\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"").ToListAsync(cancellationToken)
            : [];

    /// <summary>The tables in the database that EF Core's migrations did not make for themselves.</summary>
    public async Task<IReadOnlyList<string>> SchemaTablesAsync(WikiDbContext db, CancellationToken cancellationToken) =>
        [.. (await TablesAsync(db, cancellationToken)).Where(t => t is not ("__EFMigrationsHistory" or "__EFMigrationsLock") && !t.StartsWith("sqlite_", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>Every table of the wiki's schema (or of the whole file).</summary>
    protected abstract Task<List<string>> TablesAsync(WikiDbContext db, CancellationToken cancellationToken);

    /// <summary>Settings of the database itself, applied once it is migrated.</summary>
    public virtual Task PrepareAsync(WikiDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// This process's turn to write, taken before the write opens its transaction (and so its connection): writers
    /// wait here, in memory, not each holding a connection. Null where the engine queues writers by itself.
    /// </summary>
    public virtual Task<IDisposable?> WaitForWriterTurnAsync(CancellationToken cancellationToken) => Task.FromResult<IDisposable?>(null);

    /// <summary>
    /// Queues this transaction's writes behind every other writer's, on every instance, until it ends: the wiki has
    /// one writer at a time, so the search index and the story's places, which a save recomputes from what is
    /// stored, always see the saves before it. SQLite queues writers by itself.
    /// </summary>
    public virtual Task QueueWriterAsync(WikiDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// After rows were written with ids of their own (an import keeping an export's ids): the engine's next ids follow
    /// the highest written. SQLite's rowids already do.
    /// </summary>
    public virtual Task ResumeIdsAsync(WikiDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Turns the engine's refusal at start-up into a message that names the database; null for anything else.</summary>
    public abstract StartupException? Explain(Exception exception);

    /// <summary>
    /// Copies the whole database, while the wiki serves and editors save, into a new file at <paramref name="target"/>
    /// and checks the copy; the copy holds every save committed before it began. Throws a <see cref="StartupException"/>
    /// that says what is wrong when it cannot (no such database, a target that exists, an engine whose own tools do it).
    /// </summary>
    public abstract Task<BackupReport> BackupAsync(string target, CancellationToken cancellationToken);

    /// <summary>
    /// The storage fault behind a failed write, wherever EF Core wrapped it, or null for any other error, which is a
    /// bug to report, not a state to wait out. Both engines' errors are known here.
    /// </summary>
    public static StorageFault? FaultOf(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if ((SqliteStore.FaultOf(e) ?? PostgresStore.FaultOf(e)) is { } fault)
            {
                return fault;
            }
        }

        return null;
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);
}

/// <summary>A finished backup: the file, its size, and what the copy's own integrity check said ("ok").</summary>
public sealed record BackupReport(string File, long Bytes, string Integrity);
