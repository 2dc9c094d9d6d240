using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;

namespace JimPam.Wiki.Search;

/// <summary>
/// Keeps the search index in step with every write (a form, a revert, a restore, a delete, a catalogue re-render, an
/// import): a handler of the writer (<see cref="IAfterWrite"/>), told which rows the write changed, it rewrites
/// those entries' index rows on the same connection, inside the write's transaction. A saved edit is found by the
/// next query; a rolled-back one leaves the index as it was; a deleted entry is gone from it.
/// </summary>
public sealed class SearchIndexing : IAfterWrite, IDerivedData
{
    /// <summary>The setting that says which version of the index's text the rows were written with.</summary>
    public const string BuiltKey = "search-index:built";

    /// <summary>Change it with any change to what a document holds: the next start writes every row again.</summary>
    public const string CurrentVersion = "2026-12-02.2";

    public AfterWriteStage Stage => AfterWriteStage.Search;

    public string Key => BuiltKey;

    public string Version => CurrentVersion;

    public int Rank => 2;

    /// <summary>Writes every entry's row again, in the caller's transaction.</summary>
    public async Task RebuildAsync(WikiDbContext db, CancellationToken cancellationToken)
    {
        var index = SearchIndex.For(db);
        await index.ClearAsync(db, cancellationToken);
        foreach (var kind in Enum.GetValues<SearchKind>())
        {
            await index.WriteAsync(db, kind, [], await SearchDocuments.LoadAsync(db, kind, null, cancellationToken), cancellationToken);
        }
    }

    /// <summary>The entry a changed row belongs to.</summary>
    private static (SearchKind Kind, int Id)? EntryOf(RowChange change) => change.Entity.Name switch
    {
        nameof(RelationshipEvent) => (SearchKind.Event, change.Id!.Value),
        nameof(RecurringJoke) => (SearchKind.Joke, change.Id!.Value),
        nameof(Episode) => (SearchKind.Episode, change.Id!.Value),
        nameof(EpisodeAlias) => (SearchKind.Episode, change.Is<int>(nameof(EpisodeAlias.EpisodeId))),
        nameof(Character) => (SearchKind.Character, change.Id!.Value),
        nameof(CharacterAlias) => (SearchKind.Character, change.Is<int>(nameof(CharacterAlias.CharacterId))),
        nameof(Relationship) => (SearchKind.Relationship, change.Id!.Value),
        _ => null,
    };

    public async Task WrittenAsync(WikiDbContext db, List<RowChange> changes, CancellationToken cancellationToken)
    {
        // A handler's own changes (the places the one before this stores) change nothing a document holds.
        var entries = changes.Where(c => !c.Derived).Select(EntryOf).OfType<(SearchKind Kind, int Id)>().Distinct().ToList();
        // In chunks: a batch (an import) may touch more entries than one query may name.
        foreach (var group in entries.GroupBy(e => e.Kind))
        {
            foreach (var chunk in group.Select(e => e.Id).Chunk(1000))
            {
                await SearchIndex.For(db).WriteAsync(db, group.Key, chunk, await SearchDocuments.LoadAsync(db, group.Key, chunk, cancellationToken), cancellationToken);
            }
        }
    }
}
