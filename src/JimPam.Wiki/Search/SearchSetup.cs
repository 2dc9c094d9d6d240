using JimPam.Wiki.Entries;

namespace JimPam.Wiki.Search;

public static class SearchSetup
{
    /// <summary>Registers the index's upkeep after each write (<see cref="SearchIndexing"/>) and the site's search.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddAfterWrite<SearchIndexing>();
        services.AddScoped<SiteSearch>();
        return services;
    }
}
