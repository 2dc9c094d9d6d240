using Microsoft.AspNetCore.OutputCaching;

namespace JimPam.Wiki.Caching;

/// <summary>How a page names the data it shows (<see cref="CacheTags"/>) to the output cache.</summary>
public static class CacheTagging
{
    /// <summary>Tags the page being rendered, when it is being cached; does nothing otherwise.</summary>
    public static void Tag(this HttpContext context, params IEnumerable<string> tags)
    {
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { EnableOutputCaching: true } cache)
        {
            cache.Tags.UnionWith(tags);
        }
    }
}
