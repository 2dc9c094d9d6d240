using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Data;

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
        await db.SaveChangesAsync(cancellationToken);
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
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await db.Revisions.ExecuteDeleteAsync(cancellationToken);
        db.Revisions.AddRange(revisions);
        db.RetiredSlugs.AddRange(redirects);

        int Of(string type, int id) => current.TryGetValue((type, id), out var number) ? number : 0;
        foreach (var e in await db.Episodes.ToListAsync(cancellationToken))
        {
            e.Revision = Of(Revision.EpisodeType, e.Id);
        }

        foreach (var c in await db.Characters.ToListAsync(cancellationToken))
        {
            c.Revision = Of(Revision.CharacterType, c.Id);
        }

        foreach (var r in await db.Relationships.ToListAsync(cancellationToken))
        {
            r.Revision = Of(Revision.RelationshipType, r.Id);
        }

        foreach (var s in await db.Seasons.ToListAsync(cancellationToken))
        {
            s.Revision = Of(Revision.SeasonType, s.Id);
        }

        foreach (var j in await db.Jokes.ToListAsync(cancellationToken))
        {
            j.Revision = Of(Revision.JokeType, j.Id);
        }

        foreach (var e in await db.Events.ToListAsync(cancellationToken))
        {
            e.Revision = Of(Revision.EventType, e.Id);
        }

        // A deleted part cites, mentions and links to nothing, as a delete leaves it.
        var links = await LinksAsync(cancellationToken);
        var deleted = deletedEvents.ToList();
        foreach (var e in await db.Events.Include(e => e.Citations).Include(e => e.Mentions).Include(e => e.Links).Where(e => EF.Parameter(deleted).Contains(e.Id)).ToListAsync(cancellationToken))
        {
            e.Deleted = true;
            bodies.Set(e, e.BodyMarkdown, links);
        }

        await db.SaveChangesAsync(cancellationToken);
        await store.ResumeIdsAsync(db, cancellationToken);
    }
}
