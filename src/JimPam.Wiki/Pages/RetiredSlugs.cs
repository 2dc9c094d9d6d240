using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages;

/// <summary>Finds where an old address of an episode or character points now.</summary>
public static class RetiredSlugs
{
    /// <summary>The current slug of the entry that once had <paramref name="slug"/>, or null when none did.</summary>
    public static Task<string?> CurrentSlugAsync(WikiDbContext db, string type, string slug, CancellationToken cancellationToken) => type == Revision.EpisodeType
        ? db.RetiredSlugs.AsNoTracking().Where(r => r.EntityType == type && r.Slug == slug)
            .Join(db.Episodes, r => r.EntityId, e => e.Id, (r, e) => e.Slug).FirstOrDefaultAsync(cancellationToken)
        : db.RetiredSlugs.AsNoTracking().Where(r => r.EntityType == type && r.Slug == slug)
            .Join(db.Characters, r => r.EntityId, c => c.Id, (r, c) => c.Slug).FirstOrDefaultAsync(cancellationToken);
}
