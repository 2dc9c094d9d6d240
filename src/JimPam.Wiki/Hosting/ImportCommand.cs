using System.ComponentModel;
using System.Diagnostics;
using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using JimPam.Wiki.Import;
using JimPam.Wiki.Media;
using JimPam.Wiki.Transfer;
using Spectre.Console.Cli;

namespace JimPam.Wiki.Hosting;

/// <summary>
/// <c>import &lt;FOLDER&gt;</c>: an export (<see cref="WikiExport"/>) brought back into the settings' database, which
/// must be empty (<see cref="WikiImport"/>). A damaged folder is refused with its file and line, and nothing is written.
/// </summary>
public sealed class ImportCommand(WikiCommandLine.AppSettings line) : AsyncCommand<ImportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FOLDER>")]
        [Description("A folder that an export wrote.")]
        public string Folder { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // The folder is read and checked whole before any database is touched: a refusal leaves nothing behind.
        ExportFolder read;
        try
        {
            read = ExportFolder.Read(settings.Folder);
        }
        catch (ImportException refused)
        {
            await line.Streams.Error.WriteLineAsync($"import: {refused.Message} (nothing was written)");
            return 1;
        }

        var app = WikiApp.Build(line.Values, quiet: true);
        var store = WikiStore.Problem(app.Configuration) is null ? app.Services.GetRequiredService<WikiStore>() : null;
        var made = store?.IsNew == true;
        var code = await WikiApp.RunAsync(app, async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var import = new WikiImport(services.GetRequiredService<WikiDbContext>(), services.GetRequiredService<EntryWriter>(), services.GetRequiredService<DerivedData>(), services.GetRequiredService<MediaStore>());
            var clock = Stopwatch.StartNew();
            try
            {
                var report = await import.ImportAsync(read, cancellationToken);
                await line.Streams.Output.WriteLineAsync(
                    $"import: {report.Entries:N0} entries, {report.Pictures:N0} pictures and {report.Revisions:N0} revisions from {report.Folder} in {clock.ElapsedMilliseconds:N0} ms");
                return 0;
            }
            catch (Exception refused) when (refused is ImportException or StartupException)
            {
                await line.Streams.Error.WriteLineAsync($"import: {refused.Message}{(refused is ImportException ? " (nothing was written)" : "")}");
                return 1;
            }
        }, content: false);

        // A database this import made (a new SQLite file, migrated) goes again when the import did not fill it.
        if (code != 0 && made)
        {
            store!.RemoveNew();
        }

        return code;
    }
}
