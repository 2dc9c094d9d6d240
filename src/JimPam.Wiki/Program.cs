using JimPam.Wiki;
using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using Serilog;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // A published app started from another folder still finds its wwwroot and settings.
    ContentRootPath = !Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot"))
                      && Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot"))
        ? AppContext.BaseDirectory
        : null,
});

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services));

builder.Services.Configure<WikiOptions>(builder.Configuration.GetSection(WikiOptions.Section));
builder.Services.AddWikiData();
builder.Services.AddSingleton<WikiMarkdown>();
builder.Services.AddSingleton<WikiLinkCatalog>();
builder.Services.AddScoped<WikiRenderer>();
builder.Services.AddRazorPages(options => options.Conventions.AddPageRoute("/NotFound", "/not-found"));
builder.Services.AddRouting(options => options.LowercaseUrls = true);

var app = builder.Build();

await app.Services.InitialiseWikiDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}

app.UseWikiSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found");
app.UseSerilogRequestLogging();
app.UseStaticFiles(new StaticFileOptions
{
    // Fingerprinted by asp-append-version, so a year of caching is safe.
    OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable",
});
app.UseRouting();
app.MapHealthChecks("/healthz");
app.MapRazorPages();

await app.RunAsync();

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
