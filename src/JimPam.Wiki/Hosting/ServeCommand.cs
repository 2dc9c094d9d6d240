using System.ComponentModel;
using Spectre.Console.Cli;

namespace JimPam.Wiki.Hosting;

/// <summary>Serves the wiki: what the app does when no command is given.</summary>
public sealed class ServeCommand(WikiCommandLine.AppSettings app) : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--urls <URLS>")]
        [Description("Where to listen, such as http://127.0.0.1:5080 (the default); several separated by ';'.")]
        public string? Urls { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var wiki = WikiApp.Build(app.Values, quiet: false, settings.Urls is { } urls ? [new("Urls", urls)] : null);
        return await WikiApp.RunAsync(wiki, async () =>
        {
            await wiki.RunAsync();
            return 0;
        });
    }
}
