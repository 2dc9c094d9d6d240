using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Content;

/// <summary>
/// Holds the resolver for wiki links, built from the episode and character tables once and reused
/// until <see cref="Invalidate"/> is called after the catalogue changes.
/// </summary>
public sealed class WikiLinkCatalog(IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile WikiLinkResolver? _resolver;

    public async Task<WikiLinkResolver> GetResolverAsync(CancellationToken cancellationToken)
    {
        if (_resolver is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_resolver is null)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
                _resolver = await LoadAsync(db, cancellationToken);
            }

            return _resolver;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _resolver = null;

    public void Dispose() => _gate.Dispose();

    /// <summary>A finder for the names and aliases of every character, for the mention rows of a body being saved.</summary>
    public static async Task<MentionFinder> LoadMentionFinderAsync(WikiDbContext db, CancellationToken cancellationToken)
    {
        var characters = await db.Characters.AsNoTracking()
            .Where(c => !c.Deleted)
            .Select(c => new { c.Id, c.Name, Aliases = c.Aliases.Select(a => a.Name).ToList() })
            .ToListAsync(cancellationToken);
        return new MentionFinder(characters.Select(c => (c.Id, c.Aliases.Prepend(c.Name))));
    }

    public static async Task<WikiLinkResolver> LoadAsync(WikiDbContext db, CancellationToken cancellationToken)
    {
        // Deleted entries answer to no name: links to them show as broken until they are restored.
        var episodes = await db.Episodes.AsNoTracking()
            .Where(e => !e.Deleted)
            .Select(e => new { e.Id, e.Slug, e.Title, Aliases = e.Aliases.Select(a => a.Title).ToList() })
            .ToListAsync(cancellationToken);
        var characters = await db.Characters.AsNoTracking()
            .Where(c => !c.Deleted)
            .Select(c => new { c.Id, c.Slug, c.Name, Aliases = c.Aliases.Select(a => a.Name).ToList() })
            .ToListAsync(cancellationToken);
        return new WikiLinkResolver(
            episodes.Select(e => (new WikiLinkTarget(WikiLinkKind.Episode, e.Id, e.Slug, e.Title), (IEnumerable<string>)e.Aliases))
                .Concat(characters.Select(c => (new WikiLinkTarget(WikiLinkKind.Character, c.Id, c.Slug, c.Name), (IEnumerable<string>)c.Aliases))));
    }
}
