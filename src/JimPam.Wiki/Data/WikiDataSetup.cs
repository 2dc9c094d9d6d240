using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JimPam.Wiki.Data;

public static class WikiDataSetup
{
    /// <summary>Registers the database (on the engine <c>Database:Provider</c> names), its eviction log and the health check.</summary>
    public static IServiceCollection AddWikiData(this IServiceCollection services, IConfiguration configuration)
    {
        // The store is made at the first use, so a bad setting is reported by the start-up (WikiHost), not here.
        services.AddSingleton(provider => WikiStore.Create(provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>().ContentRootPath));

        // Pooled: a page read takes a context from the pool instead of building one (its options, services and
        // interceptor are made once). A context carries no state of ours between requests. Each engine has a context
        // type of its own, for its migrations and compiled model; the app asks for WikiDbContext either way.
        void Configure(IServiceProvider provider, DbContextOptionsBuilder options)
        {
            provider.GetRequiredService<WikiStore>().Configure(options);

            // A failed command reaches the request log with its exception; EF's own error events would log it twice more.
            options.ConfigureWarnings(warnings => warnings
                .Log(
                    (RelationalEventId.CommandError, LogLevel.Debug),
                    (CoreEventId.QueryIterationFailed, LogLevel.Debug),
                    (CoreEventId.SaveChangesFailed, LogLevel.Debug))
                // Migrate's check that the model has no change without a migration builds the whole design-time model:
                // 1.2 s of every first start (and of every editor command). A test makes that check once, at build time.
                .Ignore(RelationalEventId.PendingModelChangesWarning));
            // Any interceptor the host adds (metrics). None derives data: the writer's handlers do (AfterWrite.cs).
            options.AddInterceptors(provider.GetServices<IInterceptor>());
        }

        if (WikiStore.ProviderOf(configuration) == WikiStore.Postgres)
        {
            services.AddDbContextPool<WikiDbContext, Postgres.PostgresWikiDbContext>(Configure);
        }
        else
        {
            services.AddDbContextPool<WikiDbContext>(Configure);
        }

        services.AddSingleton(provider => provider.GetRequiredService<WikiStore>().CreateEvictionLog(provider.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHealthChecks().AddDbContextCheck<WikiDbContext>("database");
        return services;
    }
}
