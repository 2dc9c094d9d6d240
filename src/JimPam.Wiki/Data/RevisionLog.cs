using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Data;

/// <summary>Reads and writes the revision rows that every writer of entries shares.</summary>
public static class RevisionLog
{
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
