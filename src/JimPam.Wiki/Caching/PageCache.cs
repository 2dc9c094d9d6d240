using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace JimPam.Wiki.Caching;

/// <summary>
/// The output cache of the reading pages, as the rest of the app sees it: pages name the data they show as tags
/// (<see cref="CacheTags"/>), and the write path evicts the tags of the rows it changed once they are committed.
/// A page whose rendering began before an eviction is not stored, so a reader that raced an edit cannot put the
/// old page back into the cache after the edit's eviction.
/// </summary>
public sealed class PageCache(IOutputCacheStore store, IOptions<WikiOptions> options)
{
    private long _generation;

    /// <summary>How long a page may be kept without an edit: the "edited N minutes ago" lines move on by the minute.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public bool Enabled => options.Value.OutputCache;

    /// <summary>Counts evictions; a page rendered across one is not stored.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public async Task EvictAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        if (tags.Count == 0)
        {
            return;
        }

        Interlocked.Increment(ref _generation);
        foreach (var tag in tags)
        {
            await store.EvictByTagAsync(tag, cancellationToken);
        }
    }
}
