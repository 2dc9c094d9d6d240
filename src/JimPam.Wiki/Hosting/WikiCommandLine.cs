using Spectre.Console;
using Spectre.Console.Cli;

namespace JimPam.Wiki.Hosting;

/// <summary>
/// The app's command line (Spectre.Console.Cli): serving (the default), the editor accounts and the scale
/// generator, each with its own <c>--help</c>. Arguments of the form <c>--Section:Key=value</c> are settings for
/// any command (as in appsettings.json). An unknown command or option, or a missing argument, exits 2 with the
/// usage on standard error and never starts the server; a command that is refused exits 1.
/// </summary>
public static class WikiCommandLine
{
    /// <summary>
    /// The settings (<c>--Section:Key=value</c>) the command line gave, for the app a command builds, and the streams a
    /// command reads and writes; commands take it in their constructor.
    /// </summary>
    public sealed record AppSettings(IReadOnlyList<string> Values, Streams Streams);

    /// <summary>What a command reads (a password on standard input) and writes; <paramref name="Terminal"/>: a person may be asked at the keyboard.</summary>
    public sealed record Streams(TextReader Input, TextWriter Output, TextWriter Error, bool Terminal)
    {
        public static Streams Console => new(System.Console.In, System.Console.Out, System.Console.Error, !System.Console.IsInputRedirected);
    }

    public const int UsageError = 2;

    public const string Name = "JimPam.Wiki";

    public static Task<int> RunAsync(string[] args) => RunAsync(args, output: null, error: Console.Error);

    /// <summary>
    /// Runs a command line writing the commands' own output and help to <paramref name="output"/> (null: the
    /// terminal, with its colours) and errors to <paramref name="error"/>. A command's standard input is
    /// <paramref name="input"/> when the output is not the terminal (none when it is null).
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output, TextWriter error, TextReader? input = null)
    {
        var (settings, words) = Split(args);

        // Spectre.Console.Cli would give such an option a placeholder value of its own instead of refusing it.
        if (OptionWithoutValue(words) is { } option)
        {
            return await UsageErrorAsync($"The option '{option}' needs a value.", settings, words, error);
        }

        var streams = output is null ? Streams.Console : new Streams(input ?? TextReader.Null, output, error, Terminal: false);
        var app = Create(new AppSettings(settings, streams), output is null ? null : ConsoleOn(output));
        app.Configure(config => config.PropagateExceptions());
        try
        {
            return await app.RunAsync(words);
        }
        catch (CommandAppException e)
        {
            return await UsageErrorAsync(e.Message, settings, words, error);
        }
    }

    /// <summary>Says what is wrong and shows the usage of the command the words name, on <paramref name="error"/>; exit code 2.</summary>
    private static async Task<int> UsageErrorAsync(string message, string[] settings, string[] words, TextWriter error)
    {
        await error.WriteLineAsync($"{Name}: {message}");
        await error.WriteLineAsync();
        var help = Create(new AppSettings(settings, Streams.Console), ConsoleOn(error));
        await help.RunAsync([.. CommandPath(words), "--help"]);
        return UsageError;
    }

    /// <summary>The host's own settings, which tools (EF Core's, the test host) may also pass as two arguments: <c>--environment Development</c>.</summary>
    /// <summary>A console on a writer: the terminal's own streams keep their colours, any other writer gets plain text.</summary>
    private static IAnsiConsole ConsoleOn(TextWriter writer)
    {
        var terminal = ReferenceEquals(writer, Console.Out) || ReferenceEquals(writer, Console.Error);
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
    }

    private static readonly string[] HostSettings = ["--applicationName", "--environment", "--contentRoot"];

    /// <summary>
    /// Splits the arguments into settings and the command line. A setting is one argument with its value after
    /// '=' (<c>--ConnectionStrings:Wiki=Data Source=wiki.db</c>), or one of the host's own settings followed by its value.
    /// </summary>
    private static (string[] Settings, string[] Words) Split(string[] args)
    {
        var (settings, words) = (new List<string>(), new List<string>());
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains('=', StringComparison.Ordinal))
            {
                settings.Add(args[i]);
            }
            else if (HostSettings.Contains(args[i], StringComparer.OrdinalIgnoreCase) && i + 1 < args.Length)
            {
                settings.Add($"{args[i]}={args[++i]}");
            }
            else
            {
                words.Add(args[i]);
            }
        }

        return ([.. settings], [.. words]);
    }

    private static CommandApp<ServeCommand> Create(AppSettings settings, IAnsiConsole? console)
    {
        var app = new CommandApp<ServeCommand>();
        app.WithDescription("Serves the wiki (the default when no command is given). Settings are given as --Section:Key=value, as in appsettings.json.");
        app.Configure(config =>
        {
            config.SetApplicationName(Name);
            config.Settings.Registrar.RegisterInstance(settings);
            config.UseStrictParsing();
            if (console is not null)
            {
                config.ConfigureConsole(console);
            }

            config.AddExample("--urls", "http://127.0.0.1:5080");
            config.AddExample("editor", "add", "pam");
            config.AddExample("editor", "list", "--ConnectionStrings:Wiki=Data Source=/srv/wiki/wiki.db");
            config.AddExample("generate", "--relationships", "100", "--events", "100000", "--into", "big.db");
            config.AddCommand<ServeCommand>("serve").WithDescription("Serve the wiki at its Urls (what runs without a command).");
            config.AddBranch("editor", editor =>
            {
                editor.SetDescription("Manage editor accounts: add, list, reset-password, disable, enable, unlock.");
                editor.AddCommand<EditorCommands.Add>("add").WithDescription("Add an editor; the password is asked for twice, or read from standard input.");
                editor.AddCommand<EditorCommands.List>("list").WithDescription("List the editors and whether each is active, disabled or locked.");
                editor.AddCommand<EditorCommands.ResetPassword>("reset-password").WithDescription("Give an editor a new password; their open sessions end.");
                editor.AddCommand<EditorCommands.Disable>("disable").WithDescription("Stop an editor from logging in; their open sessions end at once.");
                editor.AddCommand<EditorCommands.Enable>("enable").WithDescription("Let a disabled editor log in again.");
                editor.AddCommand<EditorCommands.Unlock>("unlock").WithDescription("End the lockouts of an editor's name after failed logins, from every address.");
            });
            config.AddExample("backup", "/srv/backups/wiki-2026-12-03.db");
            config.AddCommand<BackupCommand>("backup").WithDescription("Copy the database, while the wiki serves, into a new file, and check the copy.");
            config.AddExample("export", "/srv/exports/wiki");
            config.AddCommand<ExportCommand>("export").WithDescription("Write the whole wiki as plain files (Markdown with front matter, pictures, revisions as JSON Lines) into a new folder.");
            config.AddExample("export-site", "/srv/mirror", "--base-url", "https://example.org/wiki/");
            config.AddCommand<ExportSiteCommand>("export-site").WithDescription("Write every public page as static HTML, with its styles, pictures, an offline search and a sitemap, into a new folder.");
            config.AddExample("import", "/srv/exports/wiki", "--ConnectionStrings:Wiki=Data Source=/srv/wiki/new.db");
            config.AddCommand<ImportCommand>("import").WithDescription("Bring an export back into a new, empty database, with its history; a damaged folder is refused with its file and line.");
            config.AddCommand<GenerateCommand>("generate").WithDescription("Grow a wiki with made-up relationships for the scale benchmark.");
        });
        return app;
    }

    /// <summary>The options of every command that take a value (<c>--into &lt;DATABASE&gt;</c>), read from their settings.</summary>
    private static readonly HashSet<string> ValueOptions =
    [
        .. typeof(WikiCommandLine).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(CommandSettings)))
            .SelectMany(t => t.GetProperties())
            .Select(p => p.GetCustomAttributes(typeof(CommandOptionAttribute), inherit: true).OfType<CommandOptionAttribute>().FirstOrDefault())
            .OfType<CommandOptionAttribute>()
            .Where(o => o.ValueName is not null)
            .SelectMany(o => o.LongNames.Select(n => "--" + n)),
    ];

    /// <summary>An option that takes a value but is the last word, or followed by another option.</summary>
    private static string? OptionWithoutValue(string[] words) =>
        words.Where((word, i) => ValueOptions.Contains(word) && (i + 1 == words.Length || words[i + 1].StartsWith("--", StringComparison.Ordinal))).FirstOrDefault();

    /// <summary>The words of the command line that name a command ("editor add"), for its usage.</summary>
    private static IEnumerable<string> CommandPath(string[] words)
    {
        var known = new[] { "serve", "generate", "editor", "backup", "export", "export-site", "import" };
        var editor = new[] { "add", "list", "reset-password", "disable", "enable", "unlock" };
        if (words.Length > 0 && known.Contains(words[0], StringComparer.Ordinal))
        {
            yield return words[0];
            if (words[0] == "editor" && words.Length > 1 && editor.Contains(words[1], StringComparer.Ordinal))
            {
                yield return words[1];
            }
        }
    }
}
