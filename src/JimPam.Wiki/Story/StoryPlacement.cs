using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace JimPam.Wiki.Story;

/// <summary>
/// Keeps every event's place in the story (<see cref="RelationshipEvent.Point"/> and
/// <see cref="RelationshipEvent.MilestonePoint"/>) as the <see cref="Chronology"/> works it out, and every joke's
/// (<see cref="RecurringJoke.Point"/>, the latest episode it cites), for every write
/// whatever made it: a save, a move, a delete or restore, a change of citations, an episode added, renumbered or
/// deleted. Once changes are saved it places the affected couples' events again on the same connection, inside the
/// caller's transaction. So the pages compare a stored number with the reader's point, in the query, instead of
/// loading a couple's whole story to hide the parts after it.
/// </summary>
public sealed class StoryPlacement : SaveChangesCollector<Func<StoryPlacement.Touch>>
{
    /// <summary>What a changed row can move: a couple's events, an event's, a season's or an episode's.</summary>
    public sealed record Touch(int? RelationshipId = null, int? EventId = null, int? SeasonId = null, int? EpisodeId = null, int? JokeId = null);

    /// <summary>The setting that says which version of the placement the stored points were worked out with.</summary>
    public const string PlacedKey = "story-placement:version";

    /// <summary>Change it with any change to how <see cref="Chronology"/> places events: the next start places all again.</summary>
    public const string Version = "2026-12-02.2";

    protected override Task AfterSaveAsync(DbContext? context, CancellationToken cancellationToken) => PlaceAsync(context, cancellationToken);

    protected override IEnumerable<Func<Touch>> ItemsOf(EntityEntry entry)
    {
        bool Moved(params string[] properties) =>
            entry.State is EntityState.Added or EntityState.Deleted || properties.Any(p => entry.Property(p).IsModified);
        int Was(string property) => entry.State == EntityState.Added ? (int)entry.CurrentValues[property]! : (int)entry.OriginalValues[property]!;

        switch (entry.Entity)
        {
            case RelationshipEvent e when Moved(nameof(e.Order), nameof(e.SeasonId), nameof(e.RelationshipId), nameof(e.Deleted), nameof(e.Milestone), nameof(e.MilestoneEpisodeId)):
                // Read after the save, when a new couple has its id; and the couple it was moved from.
                yield return () => new Touch(RelationshipId: e.RelationshipId);
                var was = Was(nameof(e.RelationshipId));
                yield return () => new Touch(RelationshipId: was);
                break;
            case EventCitation c:
                yield return () => c.Event is { } cited ? new Touch(RelationshipId: cited.RelationshipId) : new Touch(EventId: c.EventId);
                break;
            case JokeCitation c:
                yield return () => new Touch(JokeId: c.JokeId);
                break;
            case Episode e when Moved(nameof(e.NumberInSeason), nameof(e.SeasonId), nameof(e.Deleted)):
                yield return () => new Touch(SeasonId: e.SeasonId, EpisodeId: e.Id);
                var before = Was(nameof(e.SeasonId));
                yield return () => new Touch(SeasonId: before);
                break;
        }
    }

    private async Task PlaceAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not WikiDbContext db || Take(db) is not { Count: > 0 } pending)
        {
            return;
        }

        var touched = pending.Select(touch => touch()).ToList();
        var relationships = touched.Select(t => t.RelationshipId).OfType<int>().ToHashSet();
        var events = touched.Select(t => t.EventId).OfType<int>().ToList();
        var seasons = touched.Select(t => t.SeasonId).OfType<int>().ToList();
        var episodes = touched.Select(t => t.EpisodeId).OfType<int>().Where(id => id > 0).ToList();
        if (events.Count > 0 || seasons.Count > 0)
        {
            // An episode's number decides the place of its season's events and of every event that cites it.
            relationships.UnionWith(await db.Events.AsNoTracking()
                // One parameter each, however many a batch (an import) touched.
                .Where(e => EF.Parameter(events).Contains(e.Id) || EF.Parameter(seasons).Contains(e.SeasonId) || e.Citations.Any(c => EF.Parameter(episodes).Contains(c.EpisodeId)))
                .Select(e => e.RelationshipId).Distinct()
                .ToListAsync(cancellationToken));
        }

        await PlaceAsync(db, [.. relationships], cancellationToken);

        var jokes = touched.Select(t => t.JokeId).OfType<int>().ToList();
        if (jokes.Count > 0 || episodes.Count > 0)
        {
            await PlaceJokesAsync(db.Jokes.Where(j => EF.Parameter(jokes).Contains(j.Id) || j.Citations.Any(c => EF.Parameter(episodes).Contains(c.EpisodeId))), cancellationToken);
        }
    }

    /// <summary>Stores each of these jokes' place: the latest episode it cites.</summary>
    private static Task<int> PlaceJokesAsync(IQueryable<RecurringJoke> jokes, CancellationToken cancellationToken) =>
        jokes.ExecuteUpdateAsync(
            set => set.SetProperty(
                j => j.Point,
                j => j.Citations.Max(c => (int?)(c.Episode.Season.Number * EpisodePoint.OrdinalSeason + c.Episode.NumberInSeason)) ?? 0),
            cancellationToken);

    /// <summary>Works out the places of these couples' events and stores those that changed.</summary>
    public static async Task PlaceAsync(WikiDbContext db, IReadOnlyCollection<int> relationshipIds, CancellationToken cancellationToken)
    {
        if (relationshipIds.Count == 0)
        {
            return;
        }

        var story = await Chronology.LoadAsync(db, relationshipIds, cancellationToken);
        var stored = await db.Events.AsNoTracking()
            .Where(e => relationshipIds.Contains(e.RelationshipId) && !e.Deleted)
            .Select(e => new { e.Id, e.Point, e.MilestonePoint })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var moved = story.Events
            .Select(e => (e.Id, Point: e.Point.Ordinal, Milestone: e.Milestone?.Point.Ordinal))
            .Where(e => stored.TryGetValue(e.Id, out var was) && (was.Point != e.Point || was.MilestonePoint != e.Milestone));

        // One statement per place, not per event: a couple's events share a few dozen places.
        foreach (var place in moved.GroupBy(e => (e.Point, e.Milestone)))
        {
            var ids = place.Select(e => e.Id).ToList();
            await db.Events.Where(e => EF.Parameter(ids).Contains(e.Id)).ExecuteUpdateAsync(
                set => set.SetProperty(e => e.Point, place.Key.Point).SetProperty(e => e.MilestonePoint, place.Key.Milestone),
                cancellationToken);
        }
    }

    /// <summary>The mark that every event and joke is placed, saved with the caller's next SaveChanges.</summary>
    public static async Task MarkPlacedAsync(WikiDbContext db, CancellationToken cancellationToken)
    {
        var mark = await db.SiteSettings.FirstOrDefaultAsync(s => s.Key == PlacedKey, cancellationToken);
        if (mark is null)
        {
            db.SiteSettings.Add(new SiteSetting { Key = PlacedKey, Value = Version });
        }
        else
        {
            mark.Value = Version;
        }
    }

    /// <summary>At start-up: places every event of a database made before the places were stored, or by an older
    /// version of the placement. Returns whether it did.</summary>
    public static async Task<bool> EnsurePlacedAsync(WikiDbContext db, CancellationToken cancellationToken)
    {
        if (await db.SiteSettings.AsNoTracking().AnyAsync(s => s.Key == PlacedKey && s.Value == Version, cancellationToken))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await PlaceAsync(db, await db.Relationships.Select(r => r.Id).ToListAsync(cancellationToken), cancellationToken);
        await PlaceJokesAsync(db.Jokes, cancellationToken);
        await MarkPlacedAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
