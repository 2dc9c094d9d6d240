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

    /// <summary>Applies pending migrations and, when the database holds no wiki yet, imports the seed folder.</summary>
    public static async Task InitialiseWikiDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<WikiOptions>>().Value;
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<WikiDbContext>>();

        await db.Database.MigrateAsync(cancellationToken);
        await SqliteStore.ApplyPragmasAsync(db, cancellationToken);

        if (options.SeedOnStartup && !await db.Seasons.AnyAsync(cancellationToken))
        {
            var folder = options.ResolveSeedFolder();
            logger.LogInformation("The database is empty; importing {SeedFolder}", folder);
            try
            {
                await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(folder, cancellationToken);
            }
            catch (ImportException e)
            {
                // Nothing was written; say where the seed data is wrong, then stop rather than serve an empty wiki.
                logger.LogCritical("The seed import failed, nothing was written: {Problem}", e.Message);
                throw;
            }
        }
    }
}
