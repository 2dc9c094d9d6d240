using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Entries;

/// <summary>
/// What an import of an exported wiki needs beyond the forms' writes, all inside one batch: entries keep the ids they
/// had (their revisions and other entries refer to them), pictures keep who uploaded them and when, and the history
/// is the wiki's own, not the import's. Everything else (stored HTML, link rows, the search index, the story's
/// places) comes from the same writes an editor's forms make.
/// </summary>
public sealed partial class EntryWriter
{
    /// <summary>
    /// Gives the next entry the batch creates the id <paramref name="id"/> instead of the database's next one, so a
    /// wiki brought back from an export keeps its ids.
    /// </summary>
    public void KeepIdOfNext(int id)
    {
        if (_batch is null)
        {
            throw new InvalidOperationException("Ids are kept only in a batch (an import into an empty wiki).");
        }

        _batch.NextId = id;
    }

    /// <summary>The id an entry being created gets: the one <see cref="KeepIdOfNext"/> gave, once, else 0 (the database's own).</summary>
    private int NewId()
    {
        if (_batch is not { NextId: var id })
        {
            return 0;
        }

        _batch.NextId = 0;
        return id;
    }

    /// <summary>Records a picture as it was exported (its id, who uploaded it and when), with its files, in the batch.</summary>
    public async Task RestoreImageAsync(StoredImage image, Func<CancellationToken, Task> storeFiles, CancellationToken cancellationToken)
    {
        if (_batch is null)
        {
            throw new InvalidOperationException("Pictures are restored only in a batch (an import into an empty wiki).");
        }

        await storeFiles(cancellationToken);
        db.Images.Add(image);
        await SaveAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Makes the wiki's history the one given, in the batch: the revisions its own writes made are replaced by
    /// <paramref name="revisions"/> (every entry's, as exported), each entry's revision number becomes its last one's
    /// (<paramref name="current"/>), the parts of the story that were deleted are deleted again, and the addresses that
    /// once were entries' are kept as redirects.
    /// </summary>
    public async Task RestoreHistoryAsync(IReadOnlyList<Revision> revisions, IReadOnlyDictionary<(string Type, int Id), int> current, IReadOnlySet<int> deletedEvents, IReadOnlyList<RetiredSlug> redirects, CancellationToken cancellationToken)
    {
        if (_batch is null)
        {
            throw new InvalidOperationException("History is restored only in a batch (an import into an empty wiki).");
        }

        await RenderIfPendingAsync(cancellationToken);
        await SaveAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await db.Revisions.ExecuteDeleteAsync(cancellationToken);
        db.Revisions.AddRange(revisions);
        db.RetiredSlugs.AddRange(redirects);

        // Each entry's revision number is its history's last.
        async Task NumberAsync<T>(string type)
            where T : class
        {
            foreach (var row in await db.Set<T>().ToListAsync(cancellationToken))
            {
                var entry = db.Entry(row);
                entry.Property<int>("Revision").CurrentValue = current.TryGetValue((type, entry.Property<int>("Id").CurrentValue), out var number) ? number : 0;
            }
        }

        await NumberAsync<Episode>(Revision.EpisodeType);
        await NumberAsync<Character>(Revision.CharacterType);
        await NumberAsync<Relationship>(Revision.RelationshipType);
        await NumberAsync<Season>(Revision.SeasonType);
        await NumberAsync<RecurringJoke>(Revision.JokeType);
        await NumberAsync<RelationshipEvent>(Revision.EventType);

        // A deleted part cites, mentions and links to nothing, as a delete leaves it.
        var links = await LinksAsync(cancellationToken);
        var deleted = deletedEvents.ToList();
        foreach (var e in await db.Events.Include(e => e.Citations).Include(e => e.Mentions).Include(e => e.Links).Where(e => EF.Parameter(deleted).Contains(e.Id)).ToListAsync(cancellationToken))
        {
            e.Deleted = true;
            bodies.Set(e, e.BodyMarkdown, links);
        }

        await SaveAsync(cancellationToken);
        await store.ResumeIdsAsync(db, cancellationToken);
    }
}
