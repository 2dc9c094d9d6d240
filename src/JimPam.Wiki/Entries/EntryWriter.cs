using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Entries;

/// <summary>The outcome of a write by <see cref="EntryWriter"/>.</summary>
public abstract record EntrySaveResult
{
    /// <summary>Saved as <paramref name="Revision"/> (an event has no slug); <paramref name="MergedWith"/> names the revision it was merged with, if any.</summary>
    public sealed record Saved(int Id, string Slug, int Revision, int? MergedWith = null) : EntrySaveResult;

    /// <summary>Someone saved since the form was loaded; nothing was written.</summary>
    public sealed record Conflict(int CurrentRevision, string? CurrentAuthor) : EntrySaveResult;

    /// <summary>A value clashes with another entry (a taken title or address, a missing season); nothing was written.</summary>
    public sealed record Invalid(string Field, string Message) : EntrySaveResult;

    public sealed record Missing : EntrySaveResult;
}

/// <summary>
/// The one way every entry is created and changed, by form or by revert: the story's events (EntryWriter.Event.cs),
/// episodes, characters (EntryWriter.Catalogue.cs), the relationship article, season summaries and recurring jokes
/// (EntryWriter.Article.cs). One result type, one conflict answer.
/// In one transaction it checks the base revision (merging fields that only one side changed), applies the entry's
/// fields through its own rules, stores the HTML and link rows of any Markdown it holds, and writes the revision.
/// Readers see the change on their next request.
/// </summary>
public sealed partial class EntryWriter(WikiDbContext db, StoredBodies bodies, WikiStore store, AfterWritePipeline afterWrite, TimeProvider clock)
{
    /// <summary>The rows the current write (or batch) has saved so far, for its handlers (<see cref="AfterWritePipeline"/>).</summary>
    private readonly List<RowChange> _changes = [];

    /// <summary>The changes of a batch's entries whose handlers ran in the transaction already, waiting for the commit.</summary>
    private readonly List<RowChange> _handled = [];

    /// <summary>Saves what the write has tracked, and notes each changed row for the write's handlers.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await RevisionLog.StampLastEditedAsync(db, cancellationToken);
        var pending = RowChange.Before(db);
        db.SavingThroughWriter = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.SavingThroughWriter = false;
        }

        _changes.AddRange(pending.Saved());
    }

    /// <summary>
    /// Runs the handlers over what was saved, in the transaction, commits it, and runs them once more after the commit.
    /// </summary>
    private async Task CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        await afterWrite.WrittenAsync(db, _changes, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        List<RowChange> committed = [.. _handled, .. _changes];
        Forget();
        await afterWrite.CommittedAsync(committed, cancellationToken);
    }

    /// <summary>
    /// One entry of a batch is saved: a batch that writes entry by entry as forms do runs the handlers now (after the
    /// commit, their second part runs for all); what the entry tracked is let go.
    /// </summary>
    private async Task EntryOfBatchSavedAsync(CancellationToken cancellationToken)
    {
        if (_batch is { DeferRendering: false })
        {
            await afterWrite.WrittenAsync(db, _changes, cancellationToken);
            _handled.AddRange(_changes);
            _changes.Clear();
        }

        db.ChangeTracker.Clear();
    }

    private void Forget()
    {
        _changes.Clear();
        _handled.Clear();
    }

    public const string ImportAuthor = "import";
    public const string ImportSummary = "Imported from the source article";

    /// <summary>Makes an earlier revision of an entry current again, as a new revision.</summary>
    public Task<EntrySaveResult> RevertAsync(string type, int id, int baseRevision, int toRevision, string author, CancellationToken cancellationToken) => type switch
    {
        Revision.EventType => RevertEventAsync(id, baseRevision, toRevision, author, cancellationToken),
        Revision.EpisodeType => WriteAsync(type, id, baseRevision, author, $"Reverted to revision {toRevision}", false,
            ct => RevisionLog.SnapshotAsync<EpisodeSnapshot>(db, type, id, toRevision, ct), ApplyEpisodeAsync, cancellationToken),
        Revision.CharacterType => WriteAsync(type, id, baseRevision, author, $"Reverted to revision {toRevision}", false,
            ct => RevisionLog.SnapshotAsync<CharacterSnapshot>(db, type, id, toRevision, ct), ApplyCharacterAsync, cancellationToken),
        Revision.RelationshipType => WriteAsync(type, id, baseRevision, author, $"Reverted to revision {toRevision}", false,
            ct => RevisionLog.SnapshotAsync<RelationshipSnapshot>(db, type, id, toRevision, ct), ApplyRelationshipAsync, cancellationToken),
        Revision.SeasonType => WriteAsync(type, id, baseRevision, author, $"Reverted to revision {toRevision}", false,
            ct => RevisionLog.SnapshotAsync<SeasonSnapshot>(db, type, id, toRevision, ct), ApplySeasonAsync, cancellationToken),
        Revision.JokeType => WriteAsync(type, id, baseRevision, author, $"Reverted to revision {toRevision}", false,
            ct => RevisionLog.SnapshotAsync<JokeSnapshot>(db, type, id, toRevision, ct), ApplyJokeAsync, cancellationToken),
        _ => Task.FromResult<EntrySaveResult>(new EntrySaveResult.Missing()),
    };

    private async Task<EntrySaveResult> WriteAsync<TSnapshot>(
        string type,
        int? id,
        int baseRevision,
        string author,
        string summary,
        bool mergeable,
        Func<CancellationToken, Task<TSnapshot?>> fields,
        Func<int?, TSnapshot, CancellationToken, Task<Applied>> apply,
        CancellationToken cancellationToken)
        where TSnapshot : class
    {
        await using var transaction = await BeginAsync(cancellationToken);
        if (await fields(cancellationToken) is not { } wanted)
        {
            return await ConflictAsync(type, id ?? 0, cancellationToken);
        }

        if (EntryRules.Check(wanted, summary) is { } broken)
        {
            return broken;
        }

        int? mergedWith = null;
        if (id is { } existing)
        {
            var current = await CurrentRevisionAsync(type, existing, cancellationToken);
            if (current is null)
            {
                return new EntrySaveResult.Missing();
            }

            if (current != baseRevision)
            {
                // Someone saved since the form was loaded: the fields only one side changed merge; a revert never merges.
                var merged = mergeable
                    && await RevisionLog.SnapshotAsync<TSnapshot>(db, type, existing, baseRevision, cancellationToken) is { } baseFields
                    && await RevisionLog.SnapshotAsync<TSnapshot>(db, type, existing, current.Value, cancellationToken) is { } theirs
                        ? FieldMerge.Merge(baseFields, theirs, wanted)
                        : null;
                if (merged is null)
                {
                    return await ConflictAsync(type, existing, cancellationToken);
                }

                wanted = merged;
                mergedWith = current;
                summary = $"{summary} (merged with revision {current})".TrimStart();
            }
        }

        var applied = await apply(id, wanted, cancellationToken);
        if (applied.Refusal is { } refusal)
        {
            return refusal;
        }

        try
        {
            await SaveAsync(cancellationToken);
            if (applied.RenderAll)
            {
                await CatalogueChangedAsync(cancellationToken);
            }

            db.Revisions.Add(RevisionLog.Entry(type, applied.Id(), applied.Revision, applied.Snapshot(), author, id is null ? (summary.Length > 0 ? summary : "Created") : summary, clock.GetUtcNow()));
            await SaveAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException) when (id is { } raced && transaction.Owned)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (!await RevisionLog.TakenAsync(db, type, raced, applied.Revision, cancellationToken) && await CurrentRevisionAsync(type, raced, cancellationToken) < applied.Revision)
            {
                throw;
            }

            return await ConflictAsync(type, raced, cancellationToken);
        }

        return new EntrySaveResult.Saved(applied.Id(), applied.Slug(), applied.Revision, mergedWith);
    }

    /// <summary>
    /// Runs many writes as one: the importer's and the generator's. They share one transaction (a refusal or an exception
    /// leaves the database as it was), and the writer skips the work that one transaction makes redundant: after a
    /// change to the catalogue it renders every stored body again only once, before it next writes a body or when the
    /// batch ends, instead of after each entry; and the search index and the story's places are written once, at the
    /// end, for everything the batch touched (<see cref="AfterWritePipeline"/>). What it writes is what the same writes one by one would write
    /// (<paramref name="deferRendering"/> false does them exactly so, for the test that compares the two).
    /// </summary>
    public async Task<T> BatchAsync<T>(Func<CancellationToken, Task<T>> work, bool deferRendering, CancellationToken cancellationToken)
    {
        if (_batch is not null)
        {
            throw new InvalidOperationException("A batch is already running on this writer.");
        }

        using var turn = await store.WaitForWriterTurnAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await store.QueueWriterAsync(db, cancellationToken);
        _batch = new Batch(deferRendering);
        Forget();
        try
        {
            var result = await work(cancellationToken);
            await RenderIfPendingAsync(cancellationToken);
            await SaveAsync(cancellationToken);

            // The handlers (the story's places, the search index, the cache), once, for everything the batch touched.
            await CommitAsync(transaction, cancellationToken);
            return result;
        }
        finally
        {
            _batch = null;
            Forget();
        }
    }

    /// <summary>
    /// Derives these kinds of data again (<see cref="DerivedData"/>), as one write: what a rebuild changes through the
    /// change tracker (the bodies' HTML) reaches the write's handlers, as any edit's would; then each is marked current.
    /// </summary>
    public async Task RebuildAsync(IReadOnlyList<IDerivedData> kinds, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginAsync(cancellationToken);
        foreach (var kind in kinds)
        {
            await kind.RebuildAsync(db, cancellationToken);
            await DerivedData.MarkAsync(db, kind, cancellationToken);
            await SaveAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private Batch? _batch;

    private sealed class Batch(bool deferRendering)
    {
        public bool DeferRendering { get; } = deferRendering;

        public bool RenderPending { get; set; }

        /// <summary>The id the next entry created gets (<see cref="KeepIdOfNext"/>), or 0.</summary>
        public int NextId { get; set; }
    }

    /// <summary>The transaction of one write: its own (behind any other writer's), or the batch's, which the batch commits.</summary>
    private async Task<WriteTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        if (_batch is not null)
        {
            return new(this, null, null);
        }

        var turn = await store.WaitForWriterTurnAsync(cancellationToken);
        try
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await store.QueueWriterAsync(db, cancellationToken);
            Forget();
            return new(this, transaction, turn);
        }
        catch
        {
            turn?.Dispose();
            throw;
        }
    }

    /// <summary>A write's transaction, and its turn among this process's writers, let go of together.</summary>
    private sealed class WriteTransaction(EntryWriter writer, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? owned, IDisposable? turn) : IAsyncDisposable
    {
        public bool Owned => owned is not null;

        /// <summary>
        /// Commits a write of its own, with its handlers. In a batch the entry is saved and the batch commits later
        /// (its handlers run then, once, unless the batch writes entry by entry as forms do); what this write tracked
        /// is let go, so each of the batch's later saves looks only at its own rows.
        /// </summary>
        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            if (owned is not null)
            {
                await writer.CommitAsync(owned, cancellationToken);
                return;
            }

            await writer.EntryOfBatchSavedAsync(cancellationToken);
        }

        public async Task RollbackAsync(CancellationToken cancellationToken)
        {
            if (owned is not null)
            {
                await owned.RollbackAsync(cancellationToken);
                writer.Forget();
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (owned is not null)
                {
                    // Not committed: rolled back, and its changes forgotten (a committed write has none left).
                    writer.Forget();
                    await owned.DisposeAsync();
                }
            }
            finally
            {
                turn?.Dispose();
            }
        }
    }

    /// <summary>An episode or character was created, renamed or removed: every body renders again (in a batch, once, later).</summary>
    private async Task CatalogueChangedAsync(CancellationToken cancellationToken)
    {
        _links = null;
        if (_batch is { DeferRendering: true } batch)
        {
            batch.RenderPending = true;
            return;
        }

        await bodies.RenderAllAsync(db, cancellationToken);
    }

    private async Task RenderIfPendingAsync(CancellationToken cancellationToken)
    {
        if (_batch is { RenderPending: true } batch)
        {
            batch.RenderPending = false;
            await bodies.RenderAllAsync(db, cancellationToken);
        }
    }

    /// <summary>
    /// The catalogue that wiki links and milestone episodes resolve against, read once per writer (a writer serves one
    /// request or one batch) and read again after a write that changes the catalogue. Every body is written after this
    /// is read, so a batch's deferred rendering happens here, before the next body.
    /// </summary>
    private async Task<LinkContext> LinksAsync(CancellationToken cancellationToken)
    {
        await RenderIfPendingAsync(cancellationToken);
        return _links ??= await LinkContext.LoadAsync(db, cancellationToken);
    }

    private LinkContext? _links;

    private Task<int?> CurrentRevisionAsync(string type, int id, CancellationToken cancellationToken) => type switch
    {
        Revision.EpisodeType => db.Episodes.AsNoTracking().Where(e => e.Id == id).Select(e => (int?)e.Revision).FirstOrDefaultAsync(cancellationToken),
        Revision.CharacterType => db.Characters.AsNoTracking().Where(c => c.Id == id).Select(c => (int?)c.Revision).FirstOrDefaultAsync(cancellationToken),
        Revision.RelationshipType => db.Relationships.AsNoTracking().Where(r => r.Id == id).Select(r => (int?)r.Revision).FirstOrDefaultAsync(cancellationToken),
        Revision.SeasonType => db.Seasons.AsNoTracking().Where(s => s.Id == id).Select(s => (int?)s.Revision).FirstOrDefaultAsync(cancellationToken),
        Revision.JokeType => db.Jokes.AsNoTracking().Where(j => j.Id == id).Select(j => (int?)j.Revision).FirstOrDefaultAsync(cancellationToken),
        Revision.EventType => db.Events.AsNoTracking().Where(e => e.Id == id).Select(e => (int?)e.Revision).FirstOrDefaultAsync(cancellationToken),
        _ => Task.FromResult<int?>(null),
    };

    private async Task<EntrySaveResult> ConflictAsync(string type, int id, CancellationToken cancellationToken)
    {
        var current = await CurrentRevisionAsync(type, id, cancellationToken);
        return current is null
            ? new EntrySaveResult.Missing()
            : new EntrySaveResult.Conflict(current.Value, await RevisionLog.AuthorAsync(db, type, id, current.Value, cancellationToken));
    }

    /// <summary>An entry written but not yet saved: its id and slug are known once SaveChanges has run.</summary>
    private sealed record Applied(Func<int> Id, Func<string> Slug, int Revision, Func<object> Snapshot, EntrySaveResult? Refusal, bool RenderAll = false)
    {
        public static Applied Refused(string field, string message) =>
            new(() => 0, () => "", 0, () => new object(), new EntrySaveResult.Invalid(field, message));
    }
}
