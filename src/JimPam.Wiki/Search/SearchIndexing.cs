using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace JimPam.Wiki.Search;

/// <summary>
/// Keeps the search index in step with every write, whatever made it (a form, a revert, a restore, a delete, a
/// catalogue re-render, the seed import): as changes are saved it notes which entries they touch, and once they are
/// saved it rewrites those entries' index rows on the same connection, inside the caller's transaction. A saved edit
/// is found by the next query; a rolled-back one leaves the index as it was; a deleted entry is gone from it.
/// Every writer of the wiki saves inside a transaction of its own; a SaveChanges outside one is indexed right after.
/// </summary>
public sealed class SearchIndexing : SaveChangesCollector<Func<(SearchKind Kind, int Id)>>
{
    protected override Task AfterSaveAsync(DbContext? context, CancellationToken cancellationToken) => WriteAsync(context, cancellationToken);

    /// <summary>The setting that says which version of the index's text the rows were written with.</summary>
    public const string BuiltKey = "search-index:built";

    /// <summary>Change it with any change to what a document holds: the next start writes every row again.</summary>
    public const string Version = "2026-12-02.2";

    /// <summary>The mark a rebuild leaves, saved with the caller's next SaveChanges.</summary>
    public static async Task MarkBuiltAsync(WikiDbContext db, CancellationToken cancellationToken)
    {
        var mark = await db.SiteSettings.FirstOrDefaultAsync(s => s.Key == BuiltKey, cancellationToken);
        if (mark is null)
        {
            db.SiteSettings.Add(new SiteSetting { Key = BuiltKey, Value = Version });
        }
        else
        {
            mark.Value = Version;
        }
    }

    /// <summary>At start-up: fills the index of a database made before it existed, or by an older version of it.
    /// Returns whether it did.</summary>
    public static async Task<bool> EnsureBuiltAsync(WikiDbContext db, CancellationToken cancellationToken)
    {
        if (await db.SiteSettings.AsNoTracking().AnyAsync(s => s.Key == BuiltKey && s.Value == Version, cancellationToken))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RebuildAsync(db, cancellationToken);
        await MarkBuiltAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Writes every entry's row again, in the caller's transaction: after the seed import, and once for a
    /// database made before the index existed.</summary>
    public static async Task RebuildAsync(WikiDbContext db, CancellationToken cancellationToken)
    {
        var index = SearchIndex.For(db);
        await index.ClearAsync(db, cancellationToken);
        foreach (var kind in Enum.GetValues<SearchKind>())
        {
            await index.WriteAsync(db, kind, [], await SearchDocument.LoadAsync(db, kind, null, cancellationToken), cancellationToken);
        }
    }

    /// <summary>The entry a changed row belongs to, read after the save (when a new row has its id).</summary>
    private static Func<(SearchKind, int)>? EntryOf(object entity) => entity switch
    {
        RelationshipEvent e => () => (SearchKind.Event, e.Id),
        RecurringJoke j => () => (SearchKind.Joke, j.Id),
        Episode e => () => (SearchKind.Episode, e.Id),
        EpisodeAlias a => () => (SearchKind.Episode, a.EpisodeId),
        Character c => () => (SearchKind.Character, c.Id),
        CharacterAlias a => () => (SearchKind.Character, a.CharacterId),
        Relationship r => () => (SearchKind.Relationship, r.Id),
        _ => null,
    };

    protected override IEnumerable<Func<(SearchKind Kind, int Id)>> ItemsOf(EntityEntry entry) =>
        EntryOf(entry.Entity) is { } entryOf ? [entryOf] : [];

    private async Task WriteAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not WikiDbContext db || Take(db) is not { Count: > 0 } pending)
        {
            return;
        }

        // Read after the save, when a new row has its id.
        var entries = pending.Select(p => p()).Distinct().ToList();
        // In chunks: a batch (an import) may touch more entries than one query may name.
        foreach (var group in entries.GroupBy(e => e.Kind))
        {
            foreach (var chunk in group.Select(e => e.Id).Chunk(1000))
            {
                await SearchIndex.For(db).WriteAsync(db, group.Key, chunk, await SearchDocument.LoadAsync(db, group.Key, chunk, cancellationToken), cancellationToken);
            }
        }
    }
}
