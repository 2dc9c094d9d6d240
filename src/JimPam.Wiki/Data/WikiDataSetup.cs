using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JimPam.Wiki.Data;

public static class WikiDataSetup
{
    /// <summary>Registers the database, the writers and the health check.</summary>
    public static IServiceCollection AddWikiData(this IServiceCollection services)
    {
        // Pooled: a page read takes a context from the pool instead of building one (its options, services and
        // interceptor are made once). A context carries no state of ours between requests.
        services.AddDbContextPool<WikiDbContext>((provider, options) =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var environment = provider.GetRequiredService<IHostEnvironment>();
            options.UseWikiSqlite(SqliteStore.ResolveConnectionString(configuration.GetConnectionString("Wiki"), environment.ContentRootPath));

            // A failed command reaches the request log with its exception; EF's own error events would log it twice more.
            options.ConfigureWarnings(warnings => warnings
                .Log(
                    (RelationalEventId.CommandError, LogLevel.Debug),
                    (CoreEventId.QueryIterationFailed, LogLevel.Debug),
                    (CoreEventId.SaveChangesFailed, LogLevel.Debug))
                // Migrate's check that the model has no change without a migration builds the whole design-time model:
                // 1.2 s of every first start (and of every editor command). A test makes that check once, at build time.
                .Ignore(RelationalEventId.PendingModelChangesWarning));
            // Every write's followers (cache eviction, the search index, the story's places) and any the host adds.
            options.AddInterceptors(provider.GetServices<IInterceptor>());
        });
        services.AddSingleton(provider => new EvictionLog(SqliteStore.ResolveConnectionString(
            provider.GetRequiredService<IConfiguration>().GetConnectionString("Wiki"), provider.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        services.AddSingleton<JimPam.Wiki.Content.WikiMarkdown>();
        services.AddSingleton<StoredBodies>();
        services.AddScoped<PreviewRenderer>();
        services.AddScoped<EntryWriter>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHealthChecks().AddDbContextCheck<WikiDbContext>("database");
        return services;
    }
}
