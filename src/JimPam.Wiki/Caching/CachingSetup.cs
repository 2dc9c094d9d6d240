using JimPam.Wiki.Entries;

namespace JimPam.Wiki.Caching;

public static class CachingSetup
{
    /// <summary>Registers the page cache's eviction: by tag, after each write commits, told to every instance. (The output cache's policies, which read the request, are the web side's: <c>WikiWeb</c>.)</summary>
    public static IServiceCollection AddCaching(this IServiceCollection services)
    {
        services.AddSingleton<PageCache>();
        services.AddAfterWrite<CacheEviction>();
        return services;
    }
}
