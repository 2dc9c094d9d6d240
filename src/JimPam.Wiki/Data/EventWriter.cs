using System.Text.Json;
using JimPam.Wiki.Content;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Data;

/// <summary>What an editor sends: the new body, the revision the form started from, and why.</summary>
public sealed record EventEdit(int EventId, int BaseRevision, string BodyMarkdown, string Summary);

/// <summary>The outcome of a save: saved as a new revision, or refused because someone saved first.</summary>
public abstract record EventSaveResult
{
    public sealed record Saved(int Revision) : EventSaveResult;

    public sealed record Conflict(int CurrentRevision, string CurrentBody, string? CurrentAuthor) : EventSaveResult;

    public sealed record Missing : EventSaveResult;
}

/// <summary>
/// The one way an event's body is written: in one transaction it checks the base revision, writes the body,
/// derives the citation and mention rows from it, and writes the revision. The event's revision number is a
/// concurrency token, so two saves racing from the same base cannot both succeed.
/// </summary>
public sealed class EventWriter(WikiDbContext db, WikiLinkCatalog catalog, TimeProvider clock)
{
    public const string ImportAuthor = "import";
    public const string ImportSummary = "Imported from the source article";

    public async Task<EventSaveResult> SaveAsync(EventEdit edit, string author, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var target = await db.Events
            .Include(e => e.Citations)
            .Include(e => e.Mentions)
            .FirstOrDefaultAsync(e => e.Id == edit.EventId, cancellationToken);
        if (target is null)
        {
            return new EventSaveResult.Missing();
        }

        if (target.Revision != edit.BaseRevision)
        {
            return await ConflictAsync(target.Id, cancellationToken);
        }

        if (target.Revision == 0)
        {
            // Saved before revisions were kept: its current text becomes revision 1, so the history starts where the text did.
            target.Revision = 1;
            db.Revisions.Add(Snapshot(target, ImportAuthor, ImportSummary));
        }

        var resolver = await catalog.GetResolverAsync(cancellationToken);
        var mentions = await WikiLinkCatalog.LoadMentionFinderAsync(db, cancellationToken);
        CitationRows.SetBody(target, edit.BodyMarkdown, resolver, mentions);
        target.Revision++;
        db.Revisions.Add(Snapshot(target, author, edit.Summary.Trim()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A racing save from the same base: the concurrency token, or the revision number's unique index, refused ours.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (!await RevisionTakenAsync(edit.EventId, target.Revision, cancellationToken))
            {
                throw;
            }

            return await ConflictAsync(edit.EventId, cancellationToken);
        }

        return new EventSaveResult.Saved(target.Revision);
    }

    /// <summary>The first revision of an imported event, written by the seed import in its own transaction.</summary>
    public static Revision ImportRevision(RelationshipEvent imported, DateTimeOffset at)
    {
        imported.Revision = 1;
        return Snapshot(imported, ImportAuthor, ImportSummary, at);
    }

    private Revision Snapshot(RelationshipEvent target, string author, string summary) => Snapshot(target, author, summary, clock.GetUtcNow());

    private static Revision Snapshot(RelationshipEvent target, string author, string summary, DateTimeOffset at) => new()
    {
        EntityType = Revision.EventType,
        EntityId = target.Id,
        Number = target.Revision,
        SnapshotJson = JsonSerializer.Serialize(new EventSnapshot(target.BodyMarkdown, target.Kind, target.ImageSlot, target.SeasonId, target.Order)),
        Author = author,
        SavedAt = at,
        Summary = summary,
    };

    private async Task<bool> RevisionTakenAsync(int eventId, int number, CancellationToken cancellationToken) =>
        await db.Revisions.AsNoTracking().AnyAsync(r => r.EntityType == Revision.EventType && r.EntityId == eventId && r.Number == number, cancellationToken)
        || await db.Events.AsNoTracking().AnyAsync(e => e.Id == eventId && e.Revision >= number, cancellationToken);

    private async Task<EventSaveResult> ConflictAsync(int eventId, CancellationToken cancellationToken)
    {
        var current = await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.Revision, e.BodyMarkdown }).SingleAsync(cancellationToken);
        var author = await db.Revisions.AsNoTracking()
            .Where(r => r.EntityType == Revision.EventType && r.EntityId == eventId && r.Number == current.Revision)
            .Select(r => r.Author)
            .FirstOrDefaultAsync(cancellationToken);
        return new EventSaveResult.Conflict(current.Revision, current.BodyMarkdown, author);
    }
}

/// <summary>The fields of an event that a revision keeps.</summary>
public sealed record EventSnapshot(string BodyMarkdown, EventKind Kind, string? ImageSlot, int SeasonId, int Order);
