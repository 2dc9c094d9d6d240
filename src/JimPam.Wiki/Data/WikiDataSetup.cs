using JimPam.Wiki.Import;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Data;

public static class WikiDataSetup
{
    /// <summary>Registers the database, the importer and the health check.</summary>
    public static IServiceCollection AddWikiData(this IServiceCollection services)
    {
        services.AddDbContext<WikiDbContext>((provider, options) =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var environment = provider.GetRequiredService<IHostEnvironment>();
            options.UseWikiSqlite(SqliteStore.ResolveConnectionString(configuration.GetConnectionString("Wiki"), environment.ContentRootPath));
        });
        services.AddScoped<SeedImporter>();
        services.AddHealthChecks().AddDbContextCheck<WikiDbContext>("database");
        return services;
    }
}
