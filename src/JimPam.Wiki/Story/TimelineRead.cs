using JimPam.Wiki.Caching;
using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Story;

/// <summary>
/// A relationship's story in time, for the timeline page and its API resource alike: its title, status and address
/// value (<paramref name="Relationship"/>, null for the wiki's first), its <see cref="Chronology"/> (every season and
/// episode, for the drawing's scale), and what the reader's shield lets them see of it: the events and milestones up
/// to <paramref name="UpTo"/> (all of them with no shield), and how many events it keeps back. Four round trips (the
/// relationship, then the chronology's three).
/// </summary>
public sealed record TimelineRead(
    int Id,
    string Title,
    string Slug,
    string? Relationship,
    string Status,
    Chronology Story,
    EpisodePoint? UpTo,
    IReadOnlyList<StoryEvent> Events,
    IReadOnlyList<StoryMilestone> Milestones,
    IReadOnlyList<string> Tags)
{
    /// <summary>How many of the relationship's events the shield keeps back.</summary>
    public int Hidden => Story.Events.Count - Events.Count;

    /// <summary>The seasons the timeline shows, in order: those up to the shield's with an event or milestone the reader may see.</summary>
    public IEnumerable<SeasonSpan> Seasons => Story.Seasons.Where(s =>
        (UpTo is not { } upTo || s.Number <= upTo.Season) && (Events.Any(e => e.Season == s.Number) || Milestones.Any(m => m.Point.Season == s.Number)));

    /// <summary>The status as of the reader's episode (or the end of the story): the last milestone that set one up to it.</summary>
    public string? StatusNow => Story.StatusAt(UpTo ?? (Story.Episodes.Count == 0 ? default : Story.Episodes[^1].Point))?.Status;

    /// <summary>The relationship with this slug (null: the wiki's first), or null when there is none; under an active shield, up to its episode.</summary>
    public static async Task<TimelineRead?> LoadAsync(WikiDbContext db, string? slug, SpoilerShield shield, CancellationToken cancellationToken)
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
        var upTo = shield.Active ? shield.UpTo : null;
        return new TimelineRead(
            r.Id,
            r.Title,
            r.Slug,
            WikiDbContext.AddressValue(r.First, r.Slug),
            r.Status,
            story,
            upTo,
            [.. story.Events.Where(e => !shield.Hides(e.Point))],
            [.. story.Milestones.Where(m => !shield.Hides(m.Point))],
            [CacheTags.Story(r.Id), CacheTags.Relationship(r.Id), CacheTags.EpisodeList, CacheTags.EpisodeOrder]);
    }
}
