using System.ComponentModel;
using JimPam.Wiki.Accounts;
using JimPam.Wiki.Data;
using Microsoft.AspNetCore.Identity;
using Spectre.Console;
using Spectre.Console.Cli;

namespace JimPam.Wiki.Hosting;

/// <summary>The command lines of <c>editor add|list|reset-password|disable|enable|unlock</c>, each run by <see cref="EditorCommand"/>.</summary>
public static class EditorCommands
{
    public class NameSettings : CommandSettings
    {
        [CommandArgument(0, "<name>")]
        [Description("The editor's name: letters, digits, '-', '.' and '_'.")]
        public string Name { get; init; } = "";
    }

    public sealed class PasswordSettings : NameSettings
    {
        [CommandOption("--password-stdin")]
        [Description("Read the password from the first line of standard input (for scripts), instead of asking twice at the terminal.")]
        public bool PasswordFromStdin { get; init; }
    }

    public sealed class Add(WikiCommandLine.AppSettings line) : AsyncCommand<PasswordSettings>
    {
        public override Task<int> ExecuteAsync(CommandContext context, PasswordSettings settings, CancellationToken cancellationToken) =>
            RunAsync(line, command => command.AddAsync(settings.Name, settings.PasswordFromStdin));
    }

    public sealed class List(WikiCommandLine.AppSettings line) : AsyncCommand<EmptyCommandSettings>
    {
        public override Task<int> ExecuteAsync(CommandContext context, EmptyCommandSettings settings, CancellationToken cancellationToken) =>
            RunAsync(line, command => command.ListAsync());
    }

    public sealed class ResetPassword(WikiCommandLine.AppSettings line) : AsyncCommand<PasswordSettings>
    {
        public override Task<int> ExecuteAsync(CommandContext context, PasswordSettings settings, CancellationToken cancellationToken) =>
            RunAsync(line, command => command.ResetPasswordAsync(settings.Name, settings.PasswordFromStdin));
    }

    public sealed class Disable(WikiCommandLine.AppSettings line) : AsyncCommand<NameSettings>
    {
        public override Task<int> ExecuteAsync(CommandContext context, NameSettings settings, CancellationToken cancellationToken) =>
            RunAsync(line, command => command.SetDisabledAsync(settings.Name, disabled: true));
    }

    public sealed class Enable(WikiCommandLine.AppSettings line) : AsyncCommand<NameSettings>
    {
        public override Task<int> ExecuteAsync(CommandContext context, NameSettings settings, CancellationToken cancellationToken) =>
            RunAsync(line, command => command.SetDisabledAsync(settings.Name, disabled: false));
    }

    public sealed class Unlock(WikiCommandLine.AppSettings line) : AsyncCommand<NameSettings>
    {
        public override Task<int> ExecuteAsync(CommandContext context, NameSettings settings, CancellationToken cancellationToken) =>
            RunAsync(line, command => command.UnlockAsync(settings.Name));
    }

    /// <summary>Builds the app on the settings' database (migrated and seeded as at a start), and runs one account command on it.</summary>
    private static async Task<int> RunAsync(WikiCommandLine.AppSettings line, Func<EditorCommand, Task<int>> run)
    {
        var app = WikiApp.Build(line.Values, quiet: true);
        return await WikiApp.RunAsync(app, async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var streams = line.Streams;
            Func<string, string>? prompt = streams.Terminal ? label => AnsiConsole.Prompt(new TextPrompt<string>(label).Secret().AllowEmpty()) : null;
            return await run(new EditorCommand(
                services.GetRequiredService<UserManager<IdentityUser>>(), services.GetRequiredService<WikiDbContext>(), TimeProvider.System,
                streams.Input, streams.Output, streams.Error, prompt));
        }, content: false);
    }
}
