using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Entries;

/// <summary>
/// What a body's wiki links and names resolve against: the episodes and characters in the database, read afresh by
/// every save and preview (inside the save's transaction), so no process ever renders against a stale catalogue,
/// even with two app instances on one database. Deleted entries answer to no name.
/// </summary>
public sealed record LinkContext(WikiLinkResolver Resolver, MentionFinder Mentions)
{
    public static async Task<LinkContext> LoadAsync(WikiDbContext db, CancellationToken cancellationToken) =>
        new(await LoadResolverAsync(db, cancellationToken), await LoadMentionFinderAsync(db, cancellationToken));

    /// <summary>A finder for the names and aliases of every character, for the mention rows of a body being saved.</summary>
    public static async Task<MentionFinder> LoadMentionFinderAsync(WikiDbContext db, CancellationToken cancellationToken)
    {
        var characters = await db.Characters.AsNoTracking()
            .Where(c => !c.Deleted)
            .Select(c => new { c.Id, c.Name, Aliases = c.Aliases.Select(a => a.Name).ToList() })
            .ToListAsync(cancellationToken);
        return new MentionFinder(characters.Select(c => (c.Id, c.Aliases.Prepend(c.Name))));
    }

    public static async Task<WikiLinkResolver> LoadResolverAsync(WikiDbContext db, CancellationToken cancellationToken)
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
