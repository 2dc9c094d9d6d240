using JimPam.Wiki;
using JimPam.Wiki.Accounts;
using JimPam.Wiki.Data;
using JimPam.Wiki.Hosting;
using JimPam.Wiki.Import;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

// "editor add pam" and the like manage accounts and exit; "generate --relationships 100 --events 100000 --into wiki.db"
// grows a wiki with made-up couples for the scale benchmark. Settings (--Key=value) still apply to both.
var words = args.Where(a => !(a.StartsWith("--", StringComparison.Ordinal) && a.Contains('='))).ToArray();
var command = EditorCommand.Handles(args) || SyntheticWiki.Handles(args) ? words : null;
var generate = SyntheticWiki.Handles(args) ? SyntheticWiki.Parse(words) : null;
if (SyntheticWiki.Handles(args) && generate is null)
{
    await Console.Error.WriteLineAsync(SyntheticWiki.Usage);
    return 2;
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = command is null ? args : [.. args.Except(command)],
    // An app started from another folder (published, or its build output) still finds its settings and wwwroot.
    ContentRootPath = !File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
                      && File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
        ? AppContext.BaseDirectory
        : null,
});
if (command is not null)
{
    builder.Configuration.AddInMemoryCollection([new("Serilog:MinimumLevel:Default", "Warning")]);
}

if (generate is { Into: var into })
{
    builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:Wiki", $"Data Source={Path.GetFullPath(into)}")]);
}

builder.AddWikiLogging();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

// Serves the build's compressed assets from obj/ when the app runs from its build output in any environment
// (tests, `dotnet bin/.../JimPam.Wiki.dll`); a published app has them in wwwroot and this does nothing.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddOptions<WikiOptions>().Bind(builder.Configuration.GetSection(WikiOptions.Section));
builder.Services.AddWikiData();
builder.Services.AddWikiAccounts(builder.Environment);
builder.Services.AddWikiWeb();

var app = builder.Build();
var wiki = app.Services.GetRequiredService<IOptions<WikiOptions>>().Value;
return await WikiHost.RunAsync(app, wiki, async () =>
{
    await app.Services.PrepareWikiDatabaseAsync();
    if (generate is { } wanted)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (relationships, events) = await scope.ServiceProvider.GetRequiredService<SyntheticWiki>().GrowAsync(wanted.Relationships, wanted.Events, Console.Out, CancellationToken.None);
        await Console.Out.WriteLineAsync($"generate: {wanted.Into} has {relationships} relationships and {events} events");
        return 0;
    }

    if (command is not null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return await new EditorCommand(users, TimeProvider.System, Console.In, Console.Out, Console.Error, !Console.IsInputRedirected).RunAsync(command);
    }

    app.UseWikiPipeline(wiki);
    await app.RunAsync();
    return 0;
});

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
