using System.Net;
using JimPam.Wiki.Data.Sqlite;
using JimPam.Wiki.Data;
using JimPam.Wiki.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Tests.Accounts;

/// <summary>
/// The account commands as an operator types them, on a real database: the journeys run the app's binary
/// ("editor ..." in a process of its own); the refusals run the same command line in this process.
/// </summary>
public sealed class EditorCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Database => Path.Combine(_folder.Path, "wiki.db");

    [Fact]
    public async Task An_operator_adds_lists_disables_and_enables_an_editor()
    {
        var added = await AppProcess.RunCommandAsync(Database, "correct horse battery staple\n", "editor", "add", "pam", "--password-stdin");
        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Contains("Added the editor 'pam'", added.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("correct horse", added.Output + added.Error, StringComparison.Ordinal);

        var listed = await AppProcess.RunCommandAsync(Database, "", "editor", "list");
        Assert.Equal(0, listed.ExitCode);
        Assert.Equal("pam\tactive", listed.Output.Trim());

        Assert.Equal(0, (await AppProcess.RunCommandAsync(Database, "", "editor", "disable", "pam")).ExitCode);
        Assert.Equal("pam\tdisabled", (await AppProcess.RunCommandAsync(Database, "", "editor", "list")).Output.Trim());

        Assert.Equal(0, (await AppProcess.RunCommandAsync(Database, "", "editor", "enable", "pam")).ExitCode);
        Assert.Equal("pam\tactive", (await AppProcess.RunCommandAsync(Database, "", "editor", "list")).Output.Trim());
    }

    [Theory]
    [InlineData("short\n", "at least 12 characters", "editor", "add", "jim", "--password-stdin")]
    [InlineData("", "no password on standard input", "editor", "add", "jim", "--password-stdin")]
    [InlineData("", "no terminal to ask for the password", "editor", "add", "jim")]
    [InlineData("a long enough passphrase\n", "there is no editor called 'dwight'", "editor", "reset-password", "dwight", "--password-stdin")]
    [InlineData("", "there is no editor called 'dwight'", "editor", "disable", "dwight")]
    public async Task A_refused_call_exits_non_zero_with_a_clear_message_and_changes_nothing(string input, string message, params string[] command)
    {
        var result = await InProcessCommand.RunAsync(Database, input, command);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains("No editors yet", (await InProcessCommand.RunAsync(Database, "", "editor", "list")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_an_editor_twice_is_refused()
    {
        Assert.Equal(0, (await InProcessCommand.RunAsync(Database, "correct horse battery staple\n", "editor", "add", "pam", "--password-stdin")).ExitCode);

        var again = await InProcessCommand.RunAsync(Database, "another long passphrase\n", "editor", "add", "pam", "--password-stdin");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("an editor called 'pam' already exists", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_made_before_the_first_start_leaves_the_seed_import_to_the_first_serve()
    {
        Assert.Equal(0, (await AppProcess.RunCommandAsync(Database, "correct horse battery staple\n", "editor", "add", "pam", "--password-stdin")).ExitCode);
        await using (var db = new WikiDbContext(SqliteStore.Options($"Data Source={Database}")))
        {
            Assert.Equal(0, await db.Seasons.CountAsync());
            Assert.Equal(["pam"], await db.Users.Select(u => u.UserName).ToListAsync());
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using (var app = WikiAppFactory.OnDatabase(Database))
        {
            var (response, season) = await app.GetPageAsync("/seasons/3");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEmpty(season.QuerySelectorAll(".event"));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal("pam\tactive", (await AppProcess.RunCommandAsync(Database, "", "editor", "list")).Output.Trim());
    }

    public void Dispose() => _folder.Dispose();
}
