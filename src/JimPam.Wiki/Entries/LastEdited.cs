using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Entries;

/// <summary>
/// The "last edited" of every entry (<see cref="IEditedEntry.EditedBy"/> and <see cref="IEditedEntry.EditedAt"/>):
/// the writer stores it with each revision (<see cref="RevisionLog.StampLastEditedAsync"/>); this derives it again
/// from the revisions, for a database made before it was stored.
/// </summary>
public sealed class LastEdited : IDerivedData
{
    public string Key => "last-edited:version";

    public string Version => "2026-12-08.1";

    public int Rank => 0;

    public async Task RebuildAsync(WikiDbContext db, CancellationToken cancellationToken)
    {
        await StampAsync(db, db.Events, Revision.EventType, cancellationToken);
        await StampAsync(db, db.Episodes, Revision.EpisodeType, cancellationToken);
        await StampAsync(db, db.Characters, Revision.CharacterType, cancellationToken);
        await StampAsync(db, db.Relationships, Revision.RelationshipType, cancellationToken);
        await StampAsync(db, db.Seasons, Revision.SeasonType, cancellationToken);
        await StampAsync(db, db.Jokes, Revision.JokeType, cancellationToken);
    }

    /// <summary>Each entry of one kind gets its latest revision's author and time.</summary>
    private static Task<int> StampAsync<TEntry>(WikiDbContext db, IQueryable<TEntry> entries, string type, CancellationToken cancellationToken)
        where TEntry : class, IEditedEntry =>
        entries.ExecuteUpdateAsync(
            set => set
                .SetProperty(e => e.EditedBy, e => db.Revisions.Where(v => v.EntityType == type && v.EntityId == e.Id).OrderByDescending(v => v.Number).Select(v => v.Author).FirstOrDefault())
                .SetProperty(e => e.EditedAt, e => db.Revisions.Where(v => v.EntityType == type && v.EntityId == e.Id).OrderByDescending(v => v.Number).Select(v => (DateTimeOffset?)v.SavedAt).FirstOrDefault()),
            cancellationToken);
}
