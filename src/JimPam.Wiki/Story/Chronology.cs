using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Story;

/// <summary>An episode as the story's clock: where it sits in broadcast order, and when it first aired.</summary>
public sealed record EpisodeStamp(int Id, string Title, string Slug, EpisodePoint Point, DateOnly? AirDate);

/// <summary>
/// One event of a relationship placed in time. <see cref="Point"/> is the episode a reader must have watched for the
/// event to be no spoiler: the earliest episode of its own season that it cites (a look back at an older episode does
/// not make a later season's text safe to read early); for text that cites none of its season, the next such event of
/// its season, or the season's last episode when none follows; and never before the earliest episode it cites at all,
/// so text that cites only later episodes is always hidden until then.
/// </summary>
public sealed record StoryEvent(int Id, int RelationshipId, int Season, int Order, EventKind Kind, EpisodePoint Point, DateOnly? Date, StoryMilestone? Milestone);

/// <summary>
/// A milestone placed in time: at its episode, or, when the text gives none, at its event's point. <see cref="Status"/>
/// is the status the relationship has from here on, if the milestone sets one.
/// </summary>
public sealed record StoryMilestone(int EventId, int Season, string Label, string? Status, EpisodeStamp? Episode, EpisodePoint Point, DateOnly? Date);

/// <summary>A season's span on the calendar: its first and last episodes' air dates (null when none are known).</summary>
public sealed record SeasonSpan(int Number, EpisodePoint First, EpisodePoint Last, DateOnly? Start, DateOnly? End);

/// <summary>
/// A relationship's story laid out on the show's broadcast order: every event and milestone with its point and date,
/// and the status at any point. Read in three queries (the episodes, the relationship's events, their citations);
/// the timeline, the infobox and the spoiler shield all work from it.
/// </summary>
public sealed class Chronology
{
    private readonly Dictionary<int, StoryEvent> _byId;

    private Chronology(IReadOnlyList<EpisodeStamp> episodes, IReadOnlyList<StoryEvent> events, IReadOnlyList<SeasonSpan> seasons)
    {
        Episodes = episodes;
        Events = events;
        Seasons = seasons;
        _byId = events.ToDictionary(e => e.Id);
        Milestones = [.. events.Select(e => e.Milestone).OfType<StoryMilestone>().OrderBy(m => m.Point).ThenBy(m => m.Season).ThenBy(m => m.EventId)];
    }

    /// <summary>Every episode, in broadcast order.</summary>
    public IReadOnlyList<EpisodeStamp> Episodes { get; }

    /// <summary>The relationship's events (not deleted), by season and place.</summary>
    public IReadOnlyList<StoryEvent> Events { get; }

    /// <summary>The milestones, in the order they happen.</summary>
    public IReadOnlyList<StoryMilestone> Milestones { get; }

    /// <summary>The seasons that have episodes, in order.</summary>
    public IReadOnlyList<SeasonSpan> Seasons { get; }

    public static Task<Chronology> LoadAsync(WikiDbContext db, int relationshipId, CancellationToken cancellationToken) =>
        LoadAsync(db, [relationshipId], cancellationToken);

    /// <summary>The events of several relationships (an episode's or a character's page shows events of any relationship).</summary>
    public static async Task<Chronology> LoadAsync(WikiDbContext db, IReadOnlyCollection<int> relationshipIds, CancellationToken cancellationToken)
    {
        var episodes = (await db.Episodes.AsNoTracking().Where(e => !e.Deleted)
                .Select(e => new { e.Id, e.Title, e.Slug, Season = e.Season.Number, e.NumberInSeason, e.AirDate })
                .ToListAsync(cancellationToken))
            .Select(e => new EpisodeStamp(e.Id, e.Title, e.Slug, new EpisodePoint(e.Season, e.NumberInSeason), e.AirDate))
            .OrderBy(e => e.Point)
            .ToList();
        var events = await db.Events.AsNoTracking()
            .Where(e => relationshipIds.Contains(e.RelationshipId) && !e.Deleted)
            .OrderBy(e => e.RelationshipId).ThenBy(e => e.Season.Number).ThenBy(e => e.Order)
            .Select(e => new RawEvent(e.Id, e.RelationshipId, e.Season.Number, e.Order, e.Kind, e.Milestone, e.MilestoneStatus, e.MilestoneEpisodeId))
            .ToListAsync(cancellationToken);
        var citations = await db.EventCitations.AsNoTracking()
            .Where(c => relationshipIds.Contains(c.Event.RelationshipId) && !c.Event.Deleted)
            .Select(c => new { c.EventId, c.EpisodeId })
            .ToListAsync(cancellationToken);
        return Build(episodes, events, citations.ToLookup(c => c.EventId, c => c.EpisodeId));
    }

    private sealed record RawEvent(int Id, int RelationshipId, int Season, int Order, EventKind Kind, string? Milestone, string? Status, int? MilestoneEpisodeId);

    private static Chronology Build(List<EpisodeStamp> episodes, List<RawEvent> events, ILookup<int, int> citations)
    {
        var byId = episodes.ToDictionary(e => e.Id);
        var seasons = episodes.GroupBy(e => e.Point.Season)
            .Select(g => new SeasonSpan(g.Key, g.First().Point, g.Last().Point, g.Min(e => e.AirDate), g.Max(e => e.AirDate)))
            .ToList();
        var lastOfSeason = seasons.ToDictionary(s => s.Number, s => s.Last);

        // The earliest episode of its own season each event cites; text that cites none takes the next such event's.
        var cites = events.Select(e => citations[e.Id].Where(byId.ContainsKey).Select(id => byId[id]).ToList()).ToList();
        var ownSeason = events.Select((e, i) => cites[i].Where(c => c.Point.Season == e.Season).MinBy(c => c.Point)).ToList();
        var placed = new StoryEvent[events.Count];
        EpisodeStamp? next = null;
        for (var i = events.Count - 1; i >= 0; i--)
        {
            var e = events[i];
            if (i == events.Count - 1 || events[i + 1].Season != e.Season || events[i + 1].RelationshipId != e.RelationshipId)
            {
                next = null;
            }

            next = ownSeason[i] ?? next;
            var point = next?.Point ?? (lastOfSeason.TryGetValue(e.Season, out var last) ? last : new EpisodePoint(e.Season, int.MaxValue));
            var date = next?.AirDate ?? seasons.FirstOrDefault(s => s.Number == e.Season)?.End;
            if (cites[i].MinBy(c => c.Point) is { } earliest && earliest.Point > point)
            {
                (point, date) = (earliest.Point, earliest.AirDate);
            }

            StoryMilestone? milestone = null;
            if (e.Milestone is not null)
            {
                var episode = e.MilestoneEpisodeId is { } id && byId.TryGetValue(id, out var found) ? found : null;
                milestone = new StoryMilestone(e.Id, e.Season, e.Milestone, e.Status, episode, episode?.Point ?? point, episode is null ? date : episode.AirDate);
            }

            placed[i] = new StoryEvent(e.Id, e.RelationshipId, e.Season, e.Order, e.Kind, point, date, milestone);
        }

        return new Chronology(episodes, placed, seasons);
    }

    /// <summary>An event's place, or null when it is not one of the events read (deleted, or another relationship's).</summary>
    public StoryEvent? Event(int id) => _byId.GetValueOrDefault(id);

    /// <summary>The last status milestone at or before a point (of one of the relationships read, when given), or null before the first.</summary>
    public StoryMilestone? StatusAt(EpisodePoint point, int? relationshipId = null) =>
        Milestones.LastOrDefault(m => m.Status is not null && m.Point <= point && (relationshipId is null || _byId[m.EventId].RelationshipId == relationshipId));

    /// <summary>The episode at a point, or null when the catalogue has no such episode.</summary>
    public EpisodeStamp? EpisodeAt(EpisodePoint point) => Episodes.FirstOrDefault(e => e.Point == point);
}
