using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Story;

/// <summary>
/// Keeps every event's place in the story (<see cref="RelationshipEvent.Point"/> and
/// <see cref="RelationshipEvent.MilestonePoint"/>) as the <see cref="Chronology"/> works it out, and every joke's
/// (<see cref="RecurringJoke.Point"/>, the latest episode it cites): the first handler of every write
/// (<see cref="IAfterWrite"/>), told what it changed: a save, a move, a delete or restore, a change of citations, an
/// episode added, renumbered or deleted. It places the affected relationships' events again, inside the write's
/// transaction, and tells the handlers after it which events and jokes it moved. So the pages compare a stored number
/// with the reader's point, in the query, instead of loading a relationship's whole story to hide the parts after it.
/// </summary>
public sealed class StoryPlacement : IAfterWrite, IDerivedData
{
    /// <summary>What a changed row can move: a relationship's events, an event's, a season's or an episode's.</summary>
    private sealed record Touch(int? RelationshipId = null, int? EventId = null, int? SeasonId = null, int? EpisodeId = null, int? JokeId = null);

    /// <summary>The setting that says which version of the placement the stored points were worked out with.</summary>
    public const string PlacedKey = "story-placement:version";

    /// <summary>Change it with any change to how <see cref="Chronology"/> places events: the next start places all again.</summary>
    public const string CurrentVersion = "2026-12-02.2";

    public AfterWriteStage Stage => AfterWriteStage.Placement;

    public string Key => PlacedKey;

    public string Version => CurrentVersion;

    public int Rank => 1;

    private static IEnumerable<Touch> TouchesOf(RowChange change)
    {
        if (change.Of<RelationshipEvent>() && change.Moved(
            nameof(RelationshipEvent.Order), nameof(RelationshipEvent.SeasonId), nameof(RelationshipEvent.RelationshipId),
            nameof(RelationshipEvent.Deleted), nameof(RelationshipEvent.Milestone), nameof(RelationshipEvent.MilestoneEpisodeId)))
        {
            // The relationship it is in, and the one it was moved from.
            yield return new Touch(RelationshipId: change.Is<int>(nameof(RelationshipEvent.RelationshipId)));
            yield return new Touch(RelationshipId: change.Was<int>(nameof(RelationshipEvent.RelationshipId)));
        }
        else if (change.Of<EventCitation>())
        {
            yield return new Touch(EventId: change.Is<int>(nameof(EventCitation.EventId)));
        }
        else if (change.Of<JokeCitation>())
        {
            yield return new Touch(JokeId: change.Is<int>(nameof(JokeCitation.JokeId)));
        }
        else if (change.Of<Episode>() && change.Moved(nameof(Episode.NumberInSeason), nameof(Episode.SeasonId), nameof(Episode.Deleted)))
        {
            yield return new Touch(SeasonId: change.Is<int>(nameof(Episode.SeasonId)), EpisodeId: change.Id);
            yield return new Touch(SeasonId: change.Was<int>(nameof(Episode.SeasonId)));
        }
    }

    public async Task WrittenAsync(WikiDbContext db, List<RowChange> changes, CancellationToken cancellationToken)
    {
        var touched = changes.SelectMany(TouchesOf).ToList();
        if (touched.Count == 0)
        {
            return;
        }

        var relationships = touched.Select(t => t.RelationshipId).OfType<int>().ToHashSet();
        var events = touched.Select(t => t.EventId).OfType<int>().Distinct().ToList();
        var seasons = touched.Select(t => t.SeasonId).OfType<int>().Distinct().ToList();
        var episodes = touched.Select(t => t.EpisodeId).OfType<int>().Where(id => id > 0).Distinct().ToList();
        if (events.Count > 0 || seasons.Count > 0)
        {
            // An episode's number decides the place of its season's events and of every event that cites it.
            relationships.UnionWith(await db.Events.AsNoTracking()
                // One parameter each, however many a batch (an import) touched.
                .Where(e => EF.Parameter(events).Contains(e.Id) || EF.Parameter(seasons).Contains(e.SeasonId) || e.Citations.Any(c => EF.Parameter(episodes).Contains(c.EpisodeId)))
                .Select(e => e.RelationshipId).Distinct()
                .ToListAsync(cancellationToken));
        }

        changes.AddRange(await PlaceAsync(db, [.. relationships], cancellationToken));

        var jokes = touched.Select(t => t.JokeId).OfType<int>().Distinct().ToList();
        if (jokes.Count > 0 || episodes.Count > 0)
        {
            changes.AddRange(await PlaceJokesAsync(db, db.Jokes.Where(j => EF.Parameter(jokes).Contains(j.Id) || j.Citations.Any(c => EF.Parameter(episodes).Contains(c.EpisodeId))), cancellationToken));
        }
    }

    /// <summary>Places every event and joke again (a rebuild).</summary>
    public async Task RebuildAsync(WikiDbContext db, CancellationToken cancellationToken)
    {
        await PlaceAsync(db, await db.Relationships.Select(r => r.Id).ToListAsync(cancellationToken), cancellationToken);
        await PlaceJokesAsync(db, db.Jokes, cancellationToken);
    }

    /// <summary>Stores the place of each of these jokes (the latest episode it cites) that moved, and gives their changes.</summary>
    private static async Task<List<RowChange>> PlaceJokesAsync(WikiDbContext db, IQueryable<RecurringJoke> jokes, CancellationToken cancellationToken)
    {
        var moved = await jokes.AsNoTracking()
            .Select(j => new
            {
                j.Id,
                j.RelationshipId,
                j.Point,
                Now = j.Citations.Max(c => (int?)(c.Episode.Season.Number * EpisodePoint.OrdinalSeason + c.Episode.NumberInSeason)) ?? 0,
            })
            .Where(j => j.Point != j.Now)
            .ToListAsync(cancellationToken);
        foreach (var place in moved.GroupBy(j => j.Now))
        {
            var ids = place.Select(j => j.Id).ToList();
            await db.Jokes.Where(j => EF.Parameter(ids).Contains(j.Id)).ExecuteUpdateAsync(set => set.SetProperty(j => j.Point, place.Key), cancellationToken);
        }

        return [.. moved.Select(j => RowChange.Made<RecurringJoke>(
            new Dictionary<string, object?> { ["Id"] = j.Id, [nameof(RecurringJoke.RelationshipId)] = j.RelationshipId, [nameof(RecurringJoke.Point)] = j.Point },
            new Dictionary<string, object?> { ["Id"] = j.Id, [nameof(RecurringJoke.RelationshipId)] = j.RelationshipId, [nameof(RecurringJoke.Point)] = j.Now }))];
    }

    /// <summary>Works out the places of these relationships' events, stores those that moved, and gives their changes.</summary>
    public static async Task<List<RowChange>> PlaceAsync(WikiDbContext db, IReadOnlyCollection<int> relationshipIds, CancellationToken cancellationToken)
    {
        if (relationshipIds.Count == 0)
        {
            return [];
        }

        var story = await Chronology.LoadAsync(db, relationshipIds, cancellationToken);
        var stored = await db.Events.AsNoTracking()
            .Where(e => relationshipIds.Contains(e.RelationshipId) && !e.Deleted)
            .Select(e => new { e.Id, e.RelationshipId, e.SeasonId, e.Point, e.MilestonePoint })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var moved = story.Events
            .Select(e => (e.Id, Point: e.Point.Ordinal, Milestone: e.Milestone?.Point.Ordinal))
            .Where(e => stored.TryGetValue(e.Id, out var was) && (was.Point != e.Point || was.MilestonePoint != e.Milestone))
            .ToList();

        // One statement per place, not per event: a relationship's events share a few dozen places.
        foreach (var place in moved.GroupBy(e => (e.Point, e.Milestone)))
        {
            var ids = place.Select(e => e.Id).ToList();
            await db.Events.Where(e => EF.Parameter(ids).Contains(e.Id)).ExecuteUpdateAsync(
                set => set.SetProperty(e => e.Point, place.Key.Point).SetProperty(e => e.MilestonePoint, place.Key.Milestone),
                cancellationToken);
        }

        Dictionary<string, object?> Values(int id, int point, int? milestone) => new()
        {
            ["Id"] = id,
            [nameof(RelationshipEvent.RelationshipId)] = stored[id].RelationshipId,
            [nameof(RelationshipEvent.SeasonId)] = stored[id].SeasonId,
            [nameof(RelationshipEvent.Point)] = point,
            [nameof(RelationshipEvent.MilestonePoint)] = milestone,
        };
        return [.. moved.Select(e => RowChange.Made<RelationshipEvent>(Values(e.Id, stored[e.Id].Point, stored[e.Id].MilestonePoint), Values(e.Id, e.Point, e.Milestone)))];
    }
}
