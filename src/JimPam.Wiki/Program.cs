using JimPam.Wiki;
using JimPam.Wiki.Accounts;
using JimPam.Wiki.Data;
using JimPam.Wiki.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

// "editor add pam" and the like manage accounts and exit; settings (--Key=value) still apply to them.
var command = EditorCommand.Handles(args) ? args.Where(a => !(a.StartsWith("--", StringComparison.Ordinal) && a.Contains('='))).ToArray() : null;

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
