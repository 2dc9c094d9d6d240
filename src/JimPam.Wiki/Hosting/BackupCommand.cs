using System.ComponentModel;
using System.Diagnostics;
using JimPam.Wiki.Data;
using Spectre.Console.Cli;

namespace JimPam.Wiki.Hosting;

/// <summary>
/// <c>backup &lt;FILE&gt;</c>: an online copy of the wiki's database, taken while it serves and editors save
/// (<see cref="WikiStore.BackupAsync"/>), checked, and written to a new file. Reads the same settings as serving
/// (<c>--ConnectionStrings:Wiki=...</c>), and starts nothing: no migration, no server.
/// </summary>
public sealed class BackupCommand(WikiCommandLine.AppSettings line) : AsyncCommand<BackupCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The new file to write the copy to; it must not exist yet.")]
        public string File { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var app = WikiApp.Build(line.Values, quiet: true);
        try
        {
            using var store = WikiStore.Create(app.Configuration, app.Environment.ContentRootPath);
            var clock = Stopwatch.StartNew();
            var report = await store.BackupAsync(settings.File, cancellationToken);
            await line.Streams.Output.WriteLineAsync(
                $"backup: {store.Name} copied to {report.File} ({report.Bytes:N0} bytes) in {clock.ElapsedMilliseconds:N0} ms; integrity check: {report.Integrity}");
            return 0;
        }
        catch (StartupException refused)
        {
            await line.Streams.Error.WriteLineAsync($"backup: {refused.Message}");
            return 1;
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
