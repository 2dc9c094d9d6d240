using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace JimPam.Wiki.Data.Postgres;

/// <summary>
/// The wiki on PostgreSQL, for several instances on several machines: one data source (Npgsql's connection pool)
/// shared by EF Core and the instances' eviction channel, a session advisory lock for start-up, a transaction advisory
/// lock that queues writers, and PostgreSQL's error codes.
/// </summary>
public sealed class PostgresStore : WikiStore
{
    /// <summary>EF Core's name for this provider (<c>DatabaseFacade.ProviderName</c>).</summary>
    public const string ProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>The advisory lock keys: the start-up's (held by one process while it migrates and seeds) and the writers'.</summary>
    private const long StartupLockKey = 0x4A696D50616D01, WriterLockKey = 0x4A696D50616D02;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresStore(string? connectionString)
    {
        const string Example = "Host=127.0.0.1;Database=jimpam;Username=jimpam;Password=…";
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StartupException($"{ProviderSetting} is {Postgres}, so ConnectionStrings:Wiki must name the PostgreSQL server and database, such as \"{Example}\".");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new StartupException($"ConnectionStrings:Wiki is not a PostgreSQL connection string: {e.Message} Write it as \"{Example}\".", e);
        }

        if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new StartupException($"ConnectionStrings:Wiki must name both the PostgreSQL server (Host) and the database (Database), such as \"{Example}\".");
        }

        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "JimPam.Wiki";
        }

        User = builder.Username ?? Environment.UserName;
        Name = $"{builder.Database} on {builder.Host}:{builder.Port}";
        _dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
    }

    public override string Engine => "PostgreSQL";

    public override string Name { get; }

    /// <summary>The role the wiki logs in as.</summary>
    public string User { get; }

    public override void Configure(DbContextOptionsBuilder options) =>
        options
            .UseNpgsql(_dataSource, npgsql => Generated(npgsql)
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)
                .ExecutionStrategy(dependencies => new ReadRetryingStrategy(dependencies)))
            .UseModel(CompiledModels.PostgresWikiDbContextModel.Instance);

    /// <summary>
    /// The wiki's context on PostgreSQL as a tool or test opens it by hand: the migrations and compiled model of the
    /// app's own (in JimPam.Wiki.Schema.Postgres), with no server asked until a command runs.
    /// </summary>
    public static DbContextOptions<PostgresWikiDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<PostgresWikiDbContext>()
            .UseNpgsql(connectionString, npgsql => Generated(npgsql))
            .UseModel(CompiledModels.PostgresWikiDbContextModel.Instance)
            .Options;

    /// <summary>Where EF Core finds the engine's migrations: their project, beside the compiled model.</summary>
    private static Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder Generated(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsAssembly(typeof(CompiledModels.PostgresWikiDbContextModel).Assembly.GetName().Name);

    public override EvictionLog CreateEvictionLog(ILoggerFactory loggers) =>
        new PostgresEvictionLog(_dataSource, loggers.CreateLogger<PostgresEvictionLog>());

    public override async Task<IAsyncDisposable> AcquireStartupLockAsync(ILogger logger, CancellationToken cancellationToken)
    {
        var wait = new StartupWait(logger, Name);
        var connection = await OpenAsync(cancellationToken);
        try
        {
            while (true)
            {
                await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
                command.Parameters.AddWithValue("key", StartupLockKey);
                if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
                {
                    // Held by this session: a process that dies closes it, and the server lets go at once.
                    return new StartupLock(connection);
                }

                await wait.NextAsync(cancellationToken);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Lets go of the start-up lock explicitly: a pooled connection's session outlives its Close, and would hold the
    /// lock until the pool reused it.
    /// </summary>
    private sealed class StartupLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                unlock.Parameters.AddWithValue("key", StartupLockKey);
                await unlock.ExecuteScalarAsync();
            }
            catch (NpgsqlException)
            {
                // The connection is gone, and with it the session's lock.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception e) when (Explain(e) is { } explained)
        {
            throw explained;
        }
    }

    protected override Task<List<string>> TablesAsync(WikiDbContext db, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<string>(
            "SELECT table_name::text AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
            .ToListAsync(cancellationToken);

    /// <summary>One writer at a time in this process: a hundred saves at once hold one connection, not a hundred.</summary>
    private readonly SemaphoreSlim _writers = new(1, 1);

    public override async Task<IDisposable?> WaitForWriterTurnAsync(CancellationToken cancellationToken)
    {
        await _writers.WaitAsync(cancellationToken);
        return new Turn(_writers);
    }

    private sealed class Turn(SemaphoreSlim writers) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                writers.Release();
            }
        }
    }

    public override async Task QueueWriterAsync(WikiDbContext db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({WriterLockKey})", cancellationToken);

    /// <summary>Moves each identity column's sequence past the highest id its table holds.</summary>
    public override async Task ResumeIdsAsync(WikiDbContext db, CancellationToken cancellationToken)
    {
        var tables = db.Model.GetEntityTypes()
            .Where(t => t.FindPrimaryKey()?.Properties is [{ Name: "Id", ClrType: var type, ValueGenerated: Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd }] && type == typeof(int))
            .Select(t => t.GetTableName()).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            // The table's name comes from the model, not from input.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), GREATEST(COALESCE(MAX(\"Id\"), 0), 1), MAX(\"Id\") IS NOT NULL) FROM \"{table}\"",
                cancellationToken);
#pragma warning restore EF1002
        }
    }

    /// <summary>PostgreSQL's own tools take its online backups: pg_dump, and pg_restore to bring one back (the README's steps).</summary>
    public override Task<BackupReport> BackupAsync(string target, CancellationToken cancellationToken) =>
        throw new StartupException(
            "This wiki is on PostgreSQL, whose own pg_dump takes an online backup: pg_dump --format=custom --file=wiki.dump \"$DATABASE_URL\" (see \"Backup and restore\" in the README).");

    public override StartupException? Explain(Exception exception) => exception switch
    {
        StartupException => null,
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } e =>
            new($"The PostgreSQL database {Name} does not exist: {e.MessageText}. Create it (README, \"Running on PostgreSQL\"), or point ConnectionStrings:Wiki at one that does.", e),
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } e =>
            new($"PostgreSQL refused the login of {User} to the database {Name}: {e.MessageText}. Check the user and password in ConnectionStrings:Wiki.", e),
        PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } e =>
            new($"{User} may not change the schema of the database {Name}: {e.MessageText}. Make {User} the database's owner (README, \"Running on PostgreSQL\").", e),
        PostgresException { SqlState: PostgresErrorCodes.DiskFull } e =>
            new($"The disk of the database {Name} is full: {e.MessageText}", e),
        PostgresException e => new($"The database {Name} cannot be used: {e.MessageText} ({e.SqlState})", e),
        NpgsqlException { InnerException: SocketException or TimeoutException or IOException } e =>
            new($"Cannot reach the PostgreSQL server of the database {Name}: {e.InnerException!.Message}. Is the server running, and does it listen there?", e),
        NpgsqlException e => new($"The database {Name} cannot be used: {e.Message}", e),
        _ => null,
    };

    /// <summary>The storage fault this error is, if it is one: a full disk, a lock or a timeout, a read-only server, or a lost connection.</summary>
    internal static new StorageFault? FaultOf(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.DiskFull or PostgresErrorCodes.OutOfMemory } => StorageFault.Full,
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.QueryCanceled } => StorageFault.Busy,
        PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction } => StorageFault.ReadOnly,
        PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections } => StorageFault.Unreachable,
        PostgresException => null,
        NpgsqlException { IsTransient: true } => StorageFault.Unreachable,
        _ => null,
    };

    public override void Dispose()
    {
        _dataSource.Dispose();
        _writers.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// EF Core's retrying strategy for PostgreSQL (a restarted server, a dropped connection) on what is safe to run
    /// again: a read, or a save of its own. Inside a transaction the wiki opened (every editor's save) nothing is
    /// retried: the error reaches the page, which answers as for any storage fault, with the editor's text kept.
    /// </summary>
    private sealed class ReadRetryingStrategy(ExecutionStrategyDependencies dependencies)
        : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount: 6, maxRetryDelay: TimeSpan.FromSeconds(5), errorCodesToAdd: null)
    {
        public override TResult Execute<TState, TResult>(
            TState state, Func<DbContext, TState, TResult> operation, Func<DbContext, TState, ExecutionResult<TResult>>? verifySucceeded) =>
            Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null
                ? operation(Dependencies.CurrentContext.Context, state)
                : base.Execute(state, operation, verifySucceeded);

        public override Task<TResult> ExecuteAsync<TState, TResult>(
            TState state,
            Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
            Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded,
            CancellationToken cancellationToken = default) =>
            Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null
                ? operation(Dependencies.CurrentContext.Context, state, cancellationToken)
                : base.ExecuteAsync(state, operation, verifySucceeded, cancellationToken);
    }
}
