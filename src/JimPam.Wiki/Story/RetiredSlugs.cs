using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Story;

/// <summary>
/// Where an old or differently spelt address of an episode or character points now: the pages answer it with a
/// permanent redirect to the entry's page, the API with one to its resource.
/// </summary>
public static class RetiredSlugs
{
    /// <summary>The current slug of the entry that once had <paramref name="slug"/>, or null when none did.</summary>
    private static Task<string?> CurrentSlugAsync(WikiDbContext db, string type, string slug, CancellationToken cancellationToken) => type == Revision.EpisodeType
        ? db.RetiredSlugs.AsNoTracking().Where(r => r.EntityType == type && r.Slug == slug)
            .Join(db.Episodes, r => r.EntityId, e => e.Id, (r, e) => e.Slug).FirstOrDefaultAsync(cancellationToken)
        : db.RetiredSlugs.AsNoTracking().Where(r => r.EntityType == type && r.Slug == slug)
            .Join(db.Characters, r => r.EntityId, c => c.Id, (r, c) => c.Slug).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The slug an address that names no entry stands for: its plain spelling ("Café-Disco" is "cafe-disco") when an
    /// entry has that, else the current slug of the entry that once had it; null when neither.
    /// </summary>
    public static async Task<string?> WhereNowAsync(WikiDbContext db, string type, string slug, CancellationToken cancellationToken)
    {
        var canonical = Slug.From(slug);
        if (canonical != slug && (type == Revision.EpisodeType
                ? await db.Episodes.AnyAsync(e => e.Slug == canonical && !e.Deleted, cancellationToken)
                : await db.Characters.AnyAsync(c => c.Slug == canonical && !c.Deleted, cancellationToken)))
        {
            return canonical;
        }

        return await CurrentSlugAsync(db, type, canonical, cancellationToken);
    }
}
