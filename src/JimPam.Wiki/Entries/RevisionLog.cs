using System.Text.Json;
using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Entries;

/// <summary>Reads and writes the revision rows that every writer of entries shares.</summary>
public static class RevisionLog
{
    /// <summary>The entity type of each kind of entry a revision names.</summary>
    public static readonly IReadOnlyDictionary<string, Type> EntryTypes = new Dictionary<string, Type>
    {
        [Revision.EventType] = typeof(RelationshipEvent),
        [Revision.EpisodeType] = typeof(Episode),
        [Revision.CharacterType] = typeof(Character),
        [Revision.RelationshipType] = typeof(Relationship),
        [Revision.SeasonType] = typeof(Season),
        [Revision.JokeType] = typeof(RecurringJoke),
    };

    private static readonly Dictionary<Type, string> TypeNames = EntryTypes.ToDictionary(t => t.Value, t => t.Key);

    /// <summary>
    /// Stores each new revision's author and time on its entry, as what its pages' "last edited" line says: of the
    /// revisions about to be saved, each entry's latest (a restored history brings many at once).
    /// </summary>
    public static async Task StampLastEditedAsync(DbContext db, CancellationToken cancellationToken)
    {
        var latest = db.ChangeTracker.Entries<Revision>().Where(r => r.State == EntityState.Added).Select(r => r.Entity)
            .GroupBy(r => (r.EntityType, r.EntityId)).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Number)!);
        if (latest.Count == 0)
        {
            return;
        }

        foreach (var entry in db.ChangeTracker.Entries<IEditedEntry>().ToList())
        {
            if (TypeNames.TryGetValue(entry.Metadata.ClrType, out var type) && latest.Remove((type, entry.Entity.Id), out var revision))
            {
                (entry.Entity.EditedBy, entry.Entity.EditedAt) = (revision.Author, revision.SavedAt);
            }
        }

        // An entry the write did not load (none of the writer's own writes leaves one out).
        foreach (var ((type, id), revision) in latest)
        {
            if (EntryTypes.TryGetValue(type, out var clrType) && await db.FindAsync(clrType, [id], cancellationToken) is IEditedEntry entity)
            {
                (entity.EditedBy, entity.EditedAt) = (revision.Author, revision.SavedAt);
            }
        }
    }

    public static Revision Entry<TSnapshot>(string type, int id, int number, TSnapshot snapshot, string author, string summary, DateTimeOffset at) => new()
    {
        EntityType = type,
        EntityId = id,
        Number = number,
        SnapshotJson = JsonSerializer.Serialize(snapshot),
        Author = author,
        SavedAt = at,
        Summary = summary,
    };

    /// <summary>The fields a revision kept, or null when the entry has no such revision.</summary>
    public static async Task<TSnapshot?> SnapshotAsync<TSnapshot>(WikiDbContext db, string type, int id, int number, CancellationToken cancellationToken)
        where TSnapshot : class
    {
        var json = await db.Revisions.AsNoTracking()
            .Where(r => r.EntityType == type && r.EntityId == id && r.Number == number)
            .Select(r => r.SnapshotJson)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<TSnapshot>(json);
    }

    /// <summary>Who saved a revision, or null when there is no such revision.</summary>
    public static Task<string?> AuthorAsync(WikiDbContext db, string type, int id, int number, CancellationToken cancellationToken) =>
        db.Revisions.AsNoTracking()
            .Where(r => r.EntityType == type && r.EntityId == id && r.Number == number)
            .Select(r => r.Author)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Whether a revision number is already written: after a refused save, this tells a lost race (someone else took
    /// the number, so the editor gets a conflict) from any other database error (which must not be hidden).
    /// </summary>
    public static Task<bool> TakenAsync(WikiDbContext db, string type, int id, int number, CancellationToken cancellationToken) =>
        db.Revisions.AsNoTracking().AnyAsync(r => r.EntityType == type && r.EntityId == id && r.Number == number, cancellationToken);
}
