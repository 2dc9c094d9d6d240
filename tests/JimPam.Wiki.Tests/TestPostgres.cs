using Npgsql;

namespace JimPam.Wiki.Tests;

/// <summary>
/// The PostgreSQL server of a test run (<c>JIMPAM_TEST_POSTGRES</c>: a connection string whose role may create
/// databases; test.sh starts one on loopback with .ci/postgres.sh), when the run is on PostgreSQL
/// (<c>JIMPAM_TEST_PROVIDER=Postgres</c>). Each app gets a database of its own, a copy of a template database that
/// the first app of the run migrated and seeded, as the SQLite apps get a copy of a template file.
/// </summary>
public static class TestPostgres
{
    public static bool Enabled { get; } =
        string.Equals(Environment.GetEnvironmentVariable("JIMPAM_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase);

    private static string Server => Environment.GetEnvironmentVariable("JIMPAM_TEST_POSTGRES") is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException("JIMPAM_TEST_PROVIDER is Postgres, but JIMPAM_TEST_POSTGRES names no server: run the tests with ./test.sh, which starts one.");

    private static readonly string Run = Guid.NewGuid().ToString("N")[..8];
    private static int _made;

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;

    /// <summary>A new database: a copy of the seeded template, or empty (for an app that seeds it itself).</summary>
    public static string CreateDatabase(bool fromTemplate)
    {
        var name = $"jimpam_{Run}_{Interlocked.Increment(ref _made)}";
        Execute(fromTemplate ? $"CREATE DATABASE \"{name}\" TEMPLATE \"{Template.Value}\"" : $"CREATE DATABASE \"{name}\"");
        return name;
    }

    public static void DropDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                // The server's own worker on the database (autovacuum), which a role without superuser cannot end: it
                // finishes by itself, then the drop goes through.
                Thread.Sleep(250);
            }
        }
    }

    private static readonly Lazy<string> Template = new(() =>
    {
        var name = $"jimpam_{Run}_template";
        Execute($"CREATE DATABASE \"{name}\"");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropDatabase(name);
        using (var app = WikiAppFactory.OnDatabase(name))
        {
            _ = app.Services;
        }

        // A template may have no open connection while it is copied.
        NpgsqlConnection.ClearAllPools();
        return name;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
