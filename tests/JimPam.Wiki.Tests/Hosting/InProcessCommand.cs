using JimPam.Wiki.Hosting;

namespace JimPam.Wiki.Tests.Hosting;

/// <summary>
/// Runs a command line in the test's own process, as Program runs it, on a database file, with the given standard
/// input, capturing what it writes. The answers a real process would give (exit code, output, errors) at the cost of
/// no process start; <see cref="AppProcess"/> runs the published way where a test needs a process of its own.
/// </summary>
public static class InProcessCommand
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string databasePath, string standardInput, params string[] command)
    {
        // On a PostgreSQL run, a test's database is a database of the run's server, named as WikiAppFactory names it.
        string[] database = TestPostgres.Enabled
            ? ["--Database:Provider=Postgres", $"--ConnectionStrings:Wiki={TestPostgres.ConnectionString(databasePath)}"]
            : [$"--ConnectionStrings:Wiki=Data Source={databasePath}"];
        return await RunWithAsync(database, standardInput, command);
    }

    /// <summary>A command on a SQLite file, whichever engine the run's apps use (for the tests that carry a wiki between the two).</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunOnSqliteAsync(string databasePath, params string[] command) =>
        RunWithAsync(["--Database:Provider=Sqlite", $"--ConnectionStrings:Wiki=Data Source={databasePath}"], "", command);

    private static async Task<(int ExitCode, string Output, string Error)> RunWithAsync(string[] database, string standardInput, string[] command)
    {
        using var input = new StringReader(standardInput);
        using var output = new StringWriter();
        using var error = new StringWriter();
        // The app's name, as the app's own process has it (in this process it would be the test host's): the app finds
        // its build's static assets by that name, as WebApplicationFactory tells it too.
        var exitCode = await WikiCommandLine.RunAsync(
            [.. command, .. database, "--applicationName", typeof(WikiCommandLine).Assembly.GetName().Name!],
            output, error, input);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (TestPostgres.Enabled)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
        }

        return (exitCode, output.ToString(), error.ToString());
    }
}
