using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Story;

/// <summary>
/// A relationship's story in time, for the timeline: its title, status and address value (<paramref name="Relationship"/>,
/// null for the wiki's first), and its <see cref="Chronology"/>. The page draws from it, up to the reader's point when
/// a shield is up. Four round trips (the relationship, then the chronology's three).
/// </summary>
public sealed record TimelineRead(int Id, string Title, string Slug, string? Relationship, string Status, Chronology Story, IReadOnlyList<string> Tags)
{
    /// <summary>The relationship with this slug (null: the wiki's first), or null when there is none.</summary>
    public static async Task<TimelineRead?> LoadAsync(WikiDbContext db, string? slug, CancellationToken cancellationToken)
    {
        var r = await db.Relationships.AsNoTracking()
            .Where(r => slug == null || r.Slug == slug)
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Title, r.Slug, r.Status, First = db.FirstRelationship.Contains(r.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        if (r is null)
        {
            return null;
        }

        var story = await Chronology.LoadAsync(db, r.Id, cancellationToken);
        return new TimelineRead(r.Id, r.Title, r.Slug, WikiDbContext.AddressValue(r.First, r.Slug), r.Status, story,
            [CacheTags.Story(r.Id), CacheTags.Relationship(r.Id), CacheTags.EpisodeList, CacheTags.EpisodeOrder]);
    }
}
