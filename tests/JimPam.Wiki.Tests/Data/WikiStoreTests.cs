using JimPam.Wiki.Data;
using JimPam.Wiki.Data.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JimPam.Wiki.Tests.Data;

/// <summary>The engine setting and its connection string: a wrong one stops the start with one sentence that names the setting.</summary>
public sealed class WikiStoreTests
{
    private static string? Problem(string? provider, string? connectionString) =>
        WikiStore.Problem(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Wiki"] = connectionString,
        }).Build());

    [Theory]
    [InlineData(null, "Data Source=wiki.db")]
    [InlineData("sqlite", null)]
    [InlineData("Postgres", "Host=127.0.0.1;Database=jimpam;Username=jimpam")]
    [InlineData("PostgreSQL", "Host=db.example;Port=6432;Database=wiki")]
    public void Each_engine_takes_its_own_connection_string(string? provider, string? connectionString) =>
        Assert.Null(Problem(provider, connectionString));

    [Theory]
    [InlineData("Oracle", "Data Source=wiki.db", "Database:Provider is 'Oracle'; it must be Sqlite")]
    [InlineData("Postgres", null, "ConnectionStrings:Wiki must name the PostgreSQL server and database")]
    [InlineData("Postgres", "Data Source=App_Data/wiki.db", "ConnectionStrings:Wiki is not a PostgreSQL connection string")]
    [InlineData("Postgres", "Host=127.0.0.1", "must name both the PostgreSQL server (Host) and the database (Database)")]
    [InlineData("Sqlite", "Host=127.0.0.1;Database=jimpam", "ConnectionStrings:Wiki is not a SQLite connection string")]
    public void A_setting_the_engine_cannot_use_is_named_in_the_problem(string provider, string? connectionString, string expected) =>
        Assert.Contains(expected, Problem(provider, connectionString), StringComparison.Ordinal);
}

/// <summary>
/// PostgreSQL's side of the seam against a real server (the run's own, from test.sh): what the start-up says when it
/// cannot log in or find the database, its advisory lock, and the queue of writers.
/// </summary>
[Trait("Engine", "Postgres")]
public sealed class PostgresStoreTests
{
    private static string ConnectionString(Action<NpgsqlConnectionStringBuilder> change)
    {
        var builder = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString("postgres"));
        change(builder);
        return builder.ConnectionString;
    }

    [Theory]
    [InlineData("password", "PostgreSQL refused the login of jimpam to the database postgres on 127.0.0.1")]
    [InlineData("database", "The PostgreSQL database jimpam_nosuch on 127.0.0.1")]
    [InlineData("port", "Cannot reach the PostgreSQL server of the database postgres on 127.0.0.1:1")]
    public async Task A_server_the_start_cannot_use_stops_it_with_one_sentence_that_says_which(string wrong, string expected)
    {
        using var store = new PostgresStore(ConnectionString(b =>
        {
            _ = wrong switch
            {
                "password" => b.Password = "not-the-password",
                "database" => b.Database = "jimpam_nosuch",
                _ => (b.Port = 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }));

        var refused = await Assert.ThrowsAsync<StartupException>(() => store.AcquireStartupLockAsync(NullLogger.Instance, CancellationToken.None));

        Assert.StartsWith(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_start_waits_for_the_first_to_let_go_of_the_start_up_lock()
    {
        using var first = new PostgresStore(ConnectionString(_ => { }));
        using var second = new PostgresStore(ConnectionString(_ => { }));

        var held = await first.AcquireStartupLockAsync(NullLogger.Instance, CancellationToken.None);
        var waiting = second.AcquireStartupLockAsync(NullLogger.Instance, CancellationToken.None);
        var waited = await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(1)));
        await held.DisposeAsync();
        await using var got = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotSame(waiting, waited);
    }
}
