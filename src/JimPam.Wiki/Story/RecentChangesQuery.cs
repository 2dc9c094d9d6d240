using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Story;

/// <summary>The latest revisions across the wiki, newest first (by row id: revisions are written in time order, and SQLite cannot sort DateTimeOffset), each with the name of the entry it changed.</summary>
public static class RecentChangesQuery
{
    /// <summary>How many the recent-changes page, its feed and the API (by default) show.</summary>
    public const int Shown = 100;

    public static async Task<IReadOnlyList<Change>> LoadAsync(WikiDbContext db, int count, CancellationToken cancellationToken)
    {
        var revisions = await db.Revisions.AsNoTracking()
            .OrderByDescending(r => r.Id)
            .Take(count)
            .Select(r => new { r.EntityType, r.EntityId, r.Number, r.Author, r.SavedAt, r.Summary })
            .ToListAsync(cancellationToken);
        var eventIds = Ids(Revision.EventType);
        var episodeIds = Ids(Revision.EpisodeType);
        var characterIds = Ids(Revision.CharacterType);
        var relationshipIds = Ids(Revision.RelationshipType);
        var jokeIds = Ids(Revision.JokeType);
        var names = new Dictionary<(string, int), string>();
        foreach (var e in await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id)).Select(e => new { e.Id, e.Order, Season = e.Season.Number }).ToListAsync(cancellationToken))
        {
            names[(Revision.EventType, e.Id)] = $"Season {e.Season}, paragraph {e.Order}";
        }

        foreach (var e in await db.Episodes.AsNoTracking().Where(e => episodeIds.Contains(e.Id)).Select(e => new { e.Id, e.Title }).ToListAsync(cancellationToken))
        {
            names[(Revision.EpisodeType, e.Id)] = $"Episode “{e.Title}”";
        }

        foreach (var c in await db.Characters.AsNoTracking().Where(c => characterIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
        {
            names[(Revision.CharacterType, c.Id)] = $"Character “{c.Name}”";
        }

        foreach (var r in await db.Relationships.AsNoTracking().Where(r => relationshipIds.Contains(r.Id)).Select(r => new { r.Id, r.Title }).ToListAsync(cancellationToken))
        {
            names[(Revision.RelationshipType, r.Id)] = $"Article “{r.Title}”";
        }

        foreach (var s in await db.Seasons.AsNoTracking().Select(s => new { s.Id, s.Number }).ToListAsync(cancellationToken))
        {
            names[(Revision.SeasonType, s.Id)] = $"Season {s.Number} summary";
        }

        foreach (var j in await db.Jokes.AsNoTracking().Where(j => jokeIds.Contains(j.Id)).Select(j => new { j.Id, j.Order }).ToListAsync(cancellationToken))
        {
            names[(Revision.JokeType, j.Id)] = $"Recurring joke {j.Order}";
        }

        return [.. revisions.Select(r => new Change(r.EntityType, r.EntityId, names.GetValueOrDefault((r.EntityType, r.EntityId), r.EntityType), r.Number, r.Author, r.SavedAt, r.Summary))];

        List<int> Ids(string type) => [.. revisions.Where(r => r.EntityType == type).Select(r => r.EntityId).Distinct()];
    }

    /// <summary>One revision: what it changed, its number, who saved it, when and why.</summary>
    public sealed record Change(string Type, int Id, string Entry, int Number, string Author, DateTimeOffset SavedAt, string Summary);
}
