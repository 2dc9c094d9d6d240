using JimPam.Wiki.Caching;
using JimPam.Wiki.Data;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace JimPam.Wiki.Infrastructure;

/// <summary>
/// When a reading page may come from the output cache and be put into it: GET and HEAD by anonymous readers only
/// (an editor's pages carry Edit links and always render afresh), a 200 without cookies, and never a page asked for
/// with a query key the page does not read, nor a page that began rendering before an edit's eviction. The key is
/// the path, the compression the client accepts and the reader's spoiler shield: never the Host header, which any client can forge (the pages
/// never print it), nor an unknown query string, which would otherwise let anyone fill the cache with copies.
/// </summary>
public sealed class WikiPagePolicy(IReadOnlyList<string> queryKeys) : IOutputCachePolicy
{
    private readonly StringValues _queryKeys = new([.. queryKeys]);

    public const string Name = "WikiPage";

    /// <summary>A page that reads "?p=N", its page number (and no other query key).</summary>
    public const string PagedName = "WikiPage.Paged";

    private const string GenerationKey = "JimPam.Wiki.CacheGeneration";

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cache = http.RequestServices.GetRequiredService<PageCache>();
        var cacheable = cache.Enabled
            && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && StringValues.IsNullOrEmpty(http.Request.Headers.Authorization)
            && ReadsOnlyKnownKeys(http.Request.Query);

        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = PageCache.Lifetime;
        context.CacheVaryByRules.VaryByHost = false;
        context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
        context.CacheVaryByRules.QueryKeys = _queryKeys;

        // A reader with a spoiler shield gets pages with later parts hidden: never the same entry as a reader without
        // (whose key, the common case, carries no value at all).
        if (SpoilerShield.Of(http) is { On: true } shield)
        {
            context.CacheVaryByRules.VaryByValues[SpoilerShield.CookieName] = shield.CacheKey;
        }
        context.Tags.Add(CacheTags.All);
        if (cacheable && http.RequestServices.GetRequiredService<EvictionLog>().SinceLast() is { Count: > 0 } elsewhere)
        {
            // Another instance (or this one) saved since this one last looked: its pages go before this lookup.
            await cache.EvictAsync(elsewhere, cancellation);
        }

        http.Items[GenerationKey] = cache.Generation;
    }

    // Runs on every cached read: a plain loop, no allocation.
    private bool ReadsOnlyKnownKeys(IQueryCollection query)
    {
        if (query.Count == 0)
        {
            return true;
        }

        foreach (var (key, _) in query)
        {
            // asOf is part of the shield's key (a valid one: AddressCheck answers a bad one before the cache is asked).
            if (!queryKeys.Contains(key, StringComparer.OrdinalIgnoreCase) && !string.Equals(key, AsOfQuery.Key, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.HttpContext.RequestServices.GetRequiredService<WikiMetrics>().CacheLookup(hit: true);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (context.AllowCacheLookup)
        {
            http.RequestServices.GetRequiredService<WikiMetrics>().CacheLookup(hit: false);
        }

        var evictedSince = http.Items[GenerationKey] is long started && started != http.RequestServices.GetRequiredService<PageCache>().Generation;
        if (evictedSince
            || http.Response.StatusCode != StatusCodes.Status200OK
            || !StringValues.IsNullOrEmpty(http.Response.Headers.SetCookie)
            || http.User.Identity?.IsAuthenticated == true)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
