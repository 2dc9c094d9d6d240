using System.ComponentModel;
using JimPam.Wiki.Import;
using Spectre.Console;
using Spectre.Console.Cli;

namespace JimPam.Wiki.Hosting;

/// <summary>
/// <c>generate --relationships 100 --events 100000 --into wiki.db</c>: grows the wiki in that file (made and seeded
/// first when it does not exist) with made-up relationships for the scale benchmark (<see cref="SyntheticWiki"/>),
/// with a progress bar at a terminal and a line per ten relationships elsewhere.
/// </summary>
public sealed class GenerateCommand(WikiCommandLine.AppSettings line) : AsyncCommand<GenerateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--relationships <TOTAL>")]
        [Description("How many relationships the wiki should have in all (the seeded one counts).")]
        public int Relationships { get; init; }

        [CommandOption("--events <TOTAL>")]
        [Description("How many events (paragraphs and captions) the wiki should have in all.")]
        public int Events { get; init; }

        [CommandOption("--into <DATABASE>")]
        [Description("The SQLite file to grow; made and seeded from seed-data/ when it does not exist.")]
        public string? Into { get; init; }

        public override ValidationResult Validate() =>
            Relationships <= 0 ? ValidationResult.Error("--relationships needs a whole number above 0")
            : Events <= 0 ? ValidationResult.Error("--events needs a whole number above 0")
            : string.IsNullOrWhiteSpace(Into) ? ValidationResult.Error("--into needs the database file to grow")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var into = Path.GetFullPath(settings.Into!);
        var app = WikiApp.Build(line.Values, quiet: true, [new("ConnectionStrings:Wiki", $"Data Source={into}")]);
        return await WikiApp.RunAsync(app, async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var generator = scope.ServiceProvider.GetRequiredService<SyntheticWiki>();
            var wanted = (settings.Relationships, settings.Events);
            (int Relationships, int Events) grown;
            try
            {
                grown = line.Streams.Terminal && AnsiConsole.Profile.Capabilities.Interactive
                    ? await AnsiConsole.Progress()
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                        .StartAsync(async progress =>
                        {
                            var task = progress.AddTask("Adding made-up relationships");
                            return await generator.GrowAsync(wanted.Item1, wanted.Item2, (done, total) =>
                            {
                                task.MaxValue = total;
                                task.Value = done;
                            }, cancellationToken);
                        })
                    : await generator.GrowAsync(wanted.Item1, wanted.Item2, (done, total) =>
                    {
                        if (done % 10 == 0 || done == total)
                        {
                            line.Streams.Output.WriteLine($"generate: {done} of {total} made-up relationships added");
                        }
                    }, cancellationToken);
            }
            catch (InvalidOperationException refused)
            {
                await line.Streams.Error.WriteLineAsync($"generate: {refused.Message}");
                return 1;
            }

            var (relationships, events) = grown;
            await line.Streams.Output.WriteLineAsync($"generate: {into} has {relationships} relationships and {events} events");
            return 0;
        });
    }
}
