using JimPam.Wiki;
using JimPam.Wiki.Data;
using JimPam.Wiki.Hosting;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // An app started from another folder (published, or its build output) still finds its settings and wwwroot.
    ContentRootPath = !File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
                      && File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
        ? AppContext.BaseDirectory
        : null,
});

builder.AddWikiLogging();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

// Serves the build's compressed assets from obj/ when the app runs from its build output in any environment
// (tests, `dotnet bin/.../JimPam.Wiki.dll`); a published app has them in wwwroot and this does nothing.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddOptions<WikiOptions>().Bind(builder.Configuration.GetSection(WikiOptions.Section));
builder.Services.AddWikiData();
builder.Services.AddWikiWeb();

var app = builder.Build();
var wiki = app.Services.GetRequiredService<IOptions<WikiOptions>>().Value;
return await WikiHost.RunAsync(app, wiki, async () =>
{
    await app.Services.PrepareWikiDatabaseAsync();
    app.UseWikiPipeline(wiki);
    await app.RunAsync();
});

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
