namespace JimPam.Wiki.Tests.Hosting;

/// <summary>
/// The command line's usage and help, run in this process as Program runs it (no app starts for them): what an
/// operator reads after a typo, and the help of each command.
/// </summary>
public sealed class CommandLineUsageTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Database => Path.Combine(_folder.Path, "wiki.db");

    [Theory]
    [InlineData("Unknown command 'promote'", "editor", "promote", "dwight")]
    [InlineData("Unknown option 'force'", "editor", "add", "jim", "--force")]
    [InlineData("missing required argument 'name'", "editor", "add")]
    [InlineData("Unknown command 'publish'", "publish", "x")]
    [InlineData("Unknown option 'nope'", "--nope")]
    public async Task A_call_the_command_line_does_not_know_exits_2_with_the_usage_on_standard_error_and_starts_nothing(string message, params string[] command)
    {
        var result = await RunAsync(command);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains("USAGE:", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
        Assert.False(File.Exists(Database), "no database is made, and no server started");
    }

    [Theory]
    [InlineData("generate", "--relationships", "100", "--events", "1000")]
    [InlineData("generate", "--relationships", "none", "--events", "1000", "--into", "x.db")]
    [InlineData("generate", "--relationships", "10", "--events", "1000", "--into")]
    [InlineData("generate", "--size", "10", "--into", "x.db")]
    public async Task A_generate_call_without_all_its_parts_exits_2_with_the_usage(params string[] command)
    {
        var result = await RunAsync(command);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("JimPam.Wiki generate [OPTIONS]", result.Error, StringComparison.Ordinal);
        Assert.Contains("--relationships <TOTAL>", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "x.db")));
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task Help_lists_every_command_with_a_line_each_and_starts_nothing()
    {
        var help = await RunAsync("--help");

        Assert.Equal(0, help.ExitCode);
        var commands = help.Output[help.Output.IndexOf("COMMANDS:", StringComparison.Ordinal)..];
        foreach (var command in new[] { "serve", "editor", "generate" })
        {
            Assert.Matches($@"\n\s+{command}\s+\S", commands);
        }

        Assert.Contains("--urls <URLS>", help.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }

    [Theory]
    [InlineData("editor", "add, list, reset-password, disable, enable, unlock")]
    [InlineData("editor add", "--password-stdin")]
    [InlineData("editor unlock", "<name>")]
    [InlineData("generate", "--relationships <TOTAL>")]
    [InlineData("serve", "--urls <URLS>")]
    public async Task Each_command_has_its_own_help(string command, string shown)
    {
        var help = await RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(0, help.ExitCode);
        Assert.Contains($"JimPam.Wiki {command}", help.Output, StringComparison.Ordinal);
        Assert.Contains(shown, help.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Runs a command line on this test's database file, capturing what it writes.</summary>
    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] command) =>
        InProcessCommand.RunAsync(Database, "", command);
}
