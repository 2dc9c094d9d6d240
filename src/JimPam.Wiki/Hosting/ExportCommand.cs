using System.ComponentModel;
using System.Diagnostics;
using JimPam.Wiki.Data;
using JimPam.Wiki.Media;
using JimPam.Wiki.Transfer;
using Spectre.Console.Cli;

namespace JimPam.Wiki.Hosting;

/// <summary><c>export &lt;FOLDER&gt;</c>: the whole wiki as plain files (<see cref="WikiExport"/>), from the settings' database.</summary>
public sealed class ExportCommand(WikiCommandLine.AppSettings line) : AsyncCommand<ExportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FOLDER>")]
        [Description("A new or empty folder to write the wiki into.")]
        public string Folder { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var app = WikiApp.Build(line.Values, quiet: true);
        return await WikiApp.RunAsync(app, async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var export = new WikiExport(scope.ServiceProvider.GetRequiredService<WikiDbContext>(), scope.ServiceProvider.GetRequiredService<MediaStore>());
            var clock = Stopwatch.StartNew();
            try
            {
                var report = await export.WriteAsync(settings.Folder, cancellationToken);
                await line.Streams.Output.WriteLineAsync($"export: {report.Files:N0} files ({report.Bytes:N0} bytes) written to {report.Folder} in {clock.ElapsedMilliseconds:N0} ms");
                return 0;
            }
            catch (StartupException refused)
            {
                await line.Streams.Error.WriteLineAsync($"export: {refused.Message}");
                return 1;
            }
        }, content: false);
    }
}
