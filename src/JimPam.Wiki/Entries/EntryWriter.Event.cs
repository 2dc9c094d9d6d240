using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Entries;

/// <summary>
/// What an editor sends: the new body, the revision the form started from, and why; and, to move the event, the
/// season and the place in it (1 = first) it should have.
/// </summary>
public sealed record EventEdit(int EventId, int BaseRevision, string BodyMarkdown, string Summary, EventPlace? Place = null, EventMilestone? Milestone = null, FigureImage? Image = null);

/// <summary>
/// The milestone an event tells: its label, the status the relationship has from then on (or none), and the episode
/// it happens in (or none, when the text does not say), by its id or by a title (<paramref name="Episode"/>, any
/// spelling the catalogue knows) that the writer looks up. <see cref="None"/> is an event that tells no milestone.
/// </summary>
public sealed record EventMilestone(string? Label, string? Status, int? EpisodeId, string? Episode = null)
{
    public static readonly EventMilestone None = new(null, null, null);

    /// <summary>Blank text is no text, and a status or episode without a label is no milestone.</summary>
    public EventMilestone Normalised()
    {
        var label = string.IsNullOrWhiteSpace(Label) ? null : Label.Trim();
        return label is null ? None : new(label, string.IsNullOrWhiteSpace(Status) ? null : Status.Trim(), EpisodeId);
    }
}

/// <summary>Where an event sits: a season (by its number) and its place among that season's events, from 1.</summary>
public sealed record EventPlace(int Season, int Position);

/// <summary>A new paragraph or figure: where it goes and what it says.</summary>
public sealed record EventDraft(EventPlace Place, EventKind Kind, string? ImageSlot, string BodyMarkdown, string Summary, EventMilestone? Milestone = null, int? RelationshipId = null, FigureImage? Image = null);

/// <summary>
/// The story's events (paragraphs and figures), whether written by the edit form, a delete, a revert or a restore. In
/// one transaction the writer checks the base revision (merging a stale edit line by line when it safely can), writes
/// the fields, derives the citation and mention rows from the body, and writes the revision. The event's revision
/// number is a concurrency token, so two writes racing from the same base cannot both succeed.
/// </summary>
public sealed partial class EntryWriter
{
    public Task<EntrySaveResult> SaveEventAsync(EventEdit edit, string author, CancellationToken cancellationToken) =>
        EntryRules.Check(edit, edit.Summary) is { } broken ? Task.FromResult<EntrySaveResult>(broken) : WriteEventAsync(edit.EventId, author, async (target, ct) =>
        {
            var body = NormaliseBody(edit.BodyMarkdown);
            var (asked, refusal) = await CheckMilestoneAsync(edit.Milestone, ct);
            if (refusal is not null)
            {
                return new EventChange(null!, "", null, refusal);
            }

            var milestone = asked ?? MilestoneOf(target);
            var image = edit.Image?.Normalised() ?? ImageOf(target);
            if (await CheckImageAsync(target.Kind, image, ct) is { } imageRefusal)
            {
                return new EventChange(null!, "", null, imageRefusal);
            }

            var seasonId = target.SeasonId;
            var order = target.Order;
            if (edit.Place is { } place)
            {
                if (await SeasonIdOfAsync(place.Season, ct) is not { } id)
                {
                    return EventChange.Refused(nameof(EventPlace.Season), $"There is no Season {place.Season}.");
                }

                (seasonId, order) = (id, place.Position);
            }

            if (target.Revision == edit.BaseRevision)
            {
                return new EventChange(WithImage(WithMilestone(Of(target) with { BodyMarkdown = body, SeasonId = seasonId, Order = order }, milestone), image), edit.Summary.Trim(), null);
            }

            // Someone saved since this form was loaded: merge the two edits of the body if they touch different paragraphs,
            // and take a move only when one side of the two made it.
            if (target.Deleted || await EventSnapshotAsync(target.Id, edit.BaseRevision, ct) is not { } baseline
                || TextMerge.Merge(NormaliseBody(baseline.BodyMarkdown), NormaliseBody(target.BodyMarkdown), body) is not { } merged)
            {
                return null;
            }

            var movedHere = (seasonId, order) != (baseline.SeasonId, baseline.Order);
            var movedThere = (target.SeasonId, target.Order) != (baseline.SeasonId, baseline.Order);
            if (movedHere && movedThere && (seasonId, order) != (target.SeasonId, target.Order))
            {
                return null;
            }

            // The milestone likewise: taken from whichever side changed it, refused when both changed it differently.
            var milestoneThen = MilestoneOf(baseline);
            var milestoneNow = MilestoneOf(target);
            if (milestone != milestoneThen && milestoneNow != milestoneThen && milestone != milestoneNow)
            {
                return null;
            }

            // And the picture with its words, the same way.
            var imageThen = ImageOf(baseline);
            var imageNow = ImageOf(target);
            if (image != imageThen && imageNow != imageThen && image != imageNow)
            {
                return null;
            }

            var summary = $"{edit.Summary.Trim()} (merged with revision {target.Revision})".TrimStart();
            var (finalSeason, finalOrder) = movedHere ? (seasonId, order) : (target.SeasonId, target.Order);
            var finalMilestone = milestone != milestoneThen ? milestone : milestoneNow;
            var finalImage = image != imageThen ? image : imageNow;
            return new EventChange(WithImage(WithMilestone(Of(target) with { BodyMarkdown = merged, SeasonId = finalSeason, Order = finalOrder }, finalMilestone), finalImage), summary, target.Revision);
        }, cancellationToken);

    /// <summary>Adds a paragraph or figure at its place in a season, as revision 1; the events after it move down one place.</summary>
    public async Task<EntrySaveResult> CreateEventAsync(EventDraft draft, string author, CancellationToken cancellationToken)
    {
        if (EntryRules.Check(draft, draft.Summary) is { } broken)
        {
            return broken;
        }

        await using var transaction = await BeginAsync(cancellationToken);
        if (await SeasonIdOfAsync(draft.Place.Season, cancellationToken) is not { } seasonId)
        {
            return new EntrySaveResult.Invalid(nameof(EventPlace.Season), $"There is no Season {draft.Place.Season}.");
        }

        // Whose story it joins: the relationship the editor chose, or the wiki's first.
        if (await db.Relationships.Where(r => draft.RelationshipId == null || r.Id == draft.RelationshipId).OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken) is not { } relationshipId)
        {
            return new EntrySaveResult.Invalid(nameof(EventDraft.RelationshipId), "There is no such relationship.");
        }

        var (milestone, refusal) = await CheckMilestoneAsync(draft.Milestone, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        milestone ??= EventMilestone.None;
        var image = draft.Image?.Normalised() ?? FigureImage.None;
        if (await CheckImageAsync(draft.Kind, image, cancellationToken) is { } imageRefusal)
        {
            return imageRefusal;
        }

        var created = new RelationshipEvent
        {
            Id = NewId(), RelationshipId = relationshipId, Kind = draft.Kind, ImageSlot = draft.ImageSlot, Order = int.MinValue,
            Milestone = milestone.Label, MilestoneStatus = milestone.Status, MilestoneEpisodeId = milestone.EpisodeId,
            ImageId = image.ImageId, ImageAlt = image.Alt, ImageCredit = image.Credit,
        };
        var links = await LinksAsync(cancellationToken);
        bodies.Set(created, NormaliseBody(draft.BodyMarkdown), links);
        created.Revision = 1;
        db.Events.Add(created);
        await PlaceEventAsync(created, seasonId, draft.Place.Position, cancellationToken);
        await SaveAsync(cancellationToken);
        db.Revisions.Add(EventRevision(created, author, draft.Summary.Trim().Length > 0 ? draft.Summary.Trim() : "Created", clock.GetUtcNow()));
        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new EntrySaveResult.Saved(created.Id, "", 1);
    }

    /// <summary>Deletes the event softly: readers no longer see it, its history stays, and a revert restores it.</summary>
    public Task<EntrySaveResult> DeleteEventAsync(int eventId, int baseRevision, string author, string summary, CancellationToken cancellationToken) =>
        WriteEventAsync(eventId, author, (target, _) => Task.FromResult(
            target.Revision != baseRevision || target.Deleted ? null : new EventChange(Of(target) with { Deleted = true }, summary.Trim(), null)),
            cancellationToken);

    /// <summary>Makes an earlier revision current again, as a new revision; reverting to a revision before a delete restores the event.</summary>
    private Task<EntrySaveResult> RevertEventAsync(int eventId, int baseRevision, int toRevision, string author, CancellationToken cancellationToken) =>
        WriteEventAsync(eventId, author, async (target, ct) =>
        {
            if (target.Revision != baseRevision || await EventSnapshotAsync(target.Id, toRevision, ct) is not { } earlier)
            {
                return null;
            }

            var summary = target.Deleted && !earlier.Deleted ? $"Restored revision {toRevision}" : $"Reverted to revision {toRevision}";
            return new EventChange(earlier, summary, null);
        }, cancellationToken);

    /// <summary>The fields a revision kept, or null when the event has no such revision.</summary>
    public Task<EventSnapshot?> EventSnapshotAsync(int eventId, int number, CancellationToken cancellationToken) =>
        RevisionLog.SnapshotAsync<EventSnapshot>(db, Revision.EventType, eventId, number, cancellationToken);

    /// <summary>
    /// The milestone asked for, checked: a status or an episode needs a label, and an episode given by title must be one
    /// the catalogue knows. Null when none was asked for (the event keeps its own); otherwise the milestone with its
    /// episode's id, or the refusal, next to the field it concerns.
    /// </summary>
    private async Task<(EventMilestone? Milestone, EntrySaveResult? Refusal)> CheckMilestoneAsync(EventMilestone? asked, CancellationToken cancellationToken)
    {
        if (asked is null)
        {
            return (null, null);
        }

        var label = string.IsNullOrWhiteSpace(asked.Label) ? null : asked.Label.Trim();
        var title = string.IsNullOrWhiteSpace(asked.Episode) ? null : asked.Episode.Trim();
        if (label is null)
        {
            return !string.IsNullOrWhiteSpace(asked.Status) || title is not null || asked.EpisodeId is not null
                ? (null, new EntrySaveResult.Invalid($"{nameof(EventDraft.Milestone)}.Label", "Give the milestone a label, or clear its status and episode."))
                : (EventMilestone.None, null);
        }

        var episodeId = asked.EpisodeId;
        if (title is not null)
        {
            if ((await LinksAsync(cancellationToken)).Resolver.ResolveEpisode(title) is not { } found)
            {
                return (null, new EntrySaveResult.Invalid($"{nameof(EventDraft.Milestone)}.Episode", $"No episode is called “{title}”. Use its title as the episode list gives it."));
            }

            episodeId = found.Id;
        }

        return (new EventMilestone(label, asked.Status, episodeId).Normalised(), null);
    }

    /// <summary>
    /// A figure's picture, checked: only a figure holds one, it must be a stored picture, and it needs its alt text.
    /// Null when it may be saved; otherwise the refusal, next to the field it concerns.
    /// </summary>
    private async Task<EntrySaveResult?> CheckImageAsync(EventKind kind, FigureImage image, CancellationToken cancellationToken)
    {
        if (image.ImageId is not { } id)
        {
            return null;
        }

        if (kind != EventKind.Figure)
        {
            return new EntrySaveResult.Invalid("Image.File", "Only a figure holds a picture; a paragraph cannot.");
        }

        if (!await db.Images.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return new EntrySaveResult.Invalid("Image.File", "That picture is not in the wiki's media; upload it again.");
        }

        if (image.Alt is null)
        {
            return new EntrySaveResult.Invalid("Image.Alt", "Say what is in the picture: readers who cannot see it read this instead.");
        }

        return image.Alt.Length > FigureImage.AltMaxLength || image.Credit?.Length > FigureImage.CreditMaxLength
            ? new EntrySaveResult.Invalid(image.Alt.Length > FigureImage.AltMaxLength ? "Image.Alt" : "Image.Credit", "This is too long.")
            : null;
    }

    // Textareas send CRLF; bodies are stored with LF and no trailing blank lines, so diffs and merges compare like with like.
    private static string NormaliseBody(string markdown) => markdown.ReplaceLineEndings("\n").TrimEnd();

    private static EventSnapshot Of(RelationshipEvent e) =>
        new(e.BodyMarkdown, e.Kind, e.ImageSlot, e.SeasonId, e.Order, e.Deleted, e.Milestone, e.MilestoneStatus, e.MilestoneEpisodeId, e.ImageId, e.ImageAlt, e.ImageCredit);

    private static FigureImage ImageOf(RelationshipEvent e) => new FigureImage(e.ImageId, e.ImageAlt, e.ImageCredit).Normalised();

    private static FigureImage ImageOf(EventSnapshot s) => new FigureImage(s.ImageId, s.ImageAlt, s.ImageCredit).Normalised();

    private static EventSnapshot WithImage(EventSnapshot s, FigureImage i) => s with { ImageId = i.ImageId, ImageAlt = i.Alt, ImageCredit = i.Credit };

    private static EventMilestone MilestoneOf(RelationshipEvent e) => new EventMilestone(e.Milestone, e.MilestoneStatus, e.MilestoneEpisodeId).Normalised();

    private static EventMilestone MilestoneOf(EventSnapshot s) => new EventMilestone(s.Milestone, s.MilestoneStatus, s.MilestoneEpisodeId).Normalised();

    private static EventSnapshot WithMilestone(EventSnapshot s, EventMilestone m) =>
        s with { Milestone = m.Label, MilestoneStatus = m.Status, MilestoneEpisodeId = m.EpisodeId };

    private Task<int?> SeasonIdOfAsync(int number, CancellationToken cancellationToken) =>
        db.Seasons.Where(s => s.Number == number).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Puts an event at a place in a season and numbers that season's events (and, after a move, the old season's)
    /// 1, 2, 3 again. Each event's place is unique in its season, so when others move too the new numbers are written
    /// in two steps: first all negative (free, and unique among themselves), then the final ones (saved by the caller).
    /// Neighbours that only shift get no revision.
    /// </summary>
    private async Task PlaceEventAsync(RelationshipEvent target, int seasonId, int position, CancellationToken cancellationToken)
    {
        // The places first (a number each); only the events whose number changes are loaded and written, so adding at
        // the end writes the new event alone.
        var affected = await db.Events.AsNoTracking()
            .Where(e => e.RelationshipId == target.RelationshipId && (e.SeasonId == seasonId || e.SeasonId == target.SeasonId) && e.Id != target.Id)
            .OrderBy(e => e.Order)
            .Select(e => new Place(e.Id, e.SeasonId, e.Order))
            .ToListAsync(cancellationToken);
        var self = new Place(target.Id, target.SeasonId, target.Order);
        var destination = affected.Where(e => e.SeasonId == seasonId).ToList();
        destination.Insert(Math.Clamp(position, 1, destination.Count + 1) - 1, self);
        var origin = target.SeasonId == seasonId || target.SeasonId == 0 ? [] : affected.Where(e => e.SeasonId == target.SeasonId).ToList();
        target.SeasonId = seasonId;

        var moving = destination.Select((e, i) => (Place: e, Order: i + 1)).Concat(origin.Select((e, i) => (Place: e, Order: i + 1)))
            .Where(n => n.Place.Order != n.Order).ToList();
        var others = moving.Where(n => n.Place != self).Select(n => n.Place.Id).ToList();
        var rows = others.Count == 0 ? [] : await db.Events.Where(e => others.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var renumbered = moving.Select(n => (Event: n.Place == self ? target : rows[n.Place.Id], n.Order)).ToList();
        if (others.Count > 0)
        {
            foreach (var (item, order) in renumbered)
            {
                item.Order = -order;
            }

            await SaveAsync(cancellationToken);
        }

        foreach (var (item, order) in renumbered)
        {
            item.Order = order;
        }
    }

    private sealed record Place(int Id, int SeasonId, int Order);

    private async Task<EntrySaveResult> WriteEventAsync(int eventId, string author, Func<RelationshipEvent, CancellationToken, Task<EventChange?>> decide, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginAsync(cancellationToken);
        var target = await db.Events
            .Include(e => e.Citations)
            .Include(e => e.Mentions)
            .Include(e => e.Links)
            .FirstOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (target is null)
        {
            return new EntrySaveResult.Missing();
        }

        if (await decide(target, cancellationToken) is not { } change)
        {
            return await ConflictAsync(Revision.EventType, eventId, cancellationToken);
        }

        if (change.Refusal is { } refusal)
        {
            return refusal;
        }

        if (target.Revision == 0)
        {
            // Saved before revisions were kept: its current text becomes revision 1, so the history starts where the text did.
            target.Revision = 1;
            db.Revisions.Add(EventRevision(target, ImportAuthor, ImportSummary, clock.GetUtcNow()));
        }

        var next = change.Fields;
        (target.Kind, target.ImageSlot, target.Deleted) = (next.Kind, next.ImageSlot, next.Deleted);
        (target.Milestone, target.MilestoneStatus, target.MilestoneEpisodeId) = (next.Milestone, next.MilestoneStatus, next.MilestoneEpisodeId);
        (target.ImageId, target.ImageAlt, target.ImageCredit) = (next.ImageId, next.ImageAlt, next.ImageCredit);
        var links = await LinksAsync(cancellationToken);
        bodies.Set(target, next.BodyMarkdown, links);
        var revision = target.Revision + 1;
        try
        {
            if ((next.SeasonId, next.Order) != (target.SeasonId, target.Order))
            {
                await PlaceEventAsync(target, next.SeasonId, next.Order, cancellationToken);
            }

            target.Revision = revision;
            db.Revisions.Add(EventRevision(target, author, change.Summary, clock.GetUtcNow()));
            await SaveAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException) when (transaction.Owned)
        {
            // A racing save from the same base: the concurrency token, or the revision number's unique index, refused ours.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (!await EventRevisionTakenAsync(eventId, revision, cancellationToken))
            {
                throw;
            }

            return await ConflictAsync(Revision.EventType, eventId, cancellationToken);
        }

        return new EntrySaveResult.Saved(eventId, "", target.Revision, change.MergedWith);
    }

    private static Revision EventRevision(RelationshipEvent target, string author, string summary, DateTimeOffset at) =>
        RevisionLog.Entry(Revision.EventType, target.Id, target.Revision, Of(target), author, summary, at);

    private async Task<bool> EventRevisionTakenAsync(int eventId, int number, CancellationToken cancellationToken) =>
        await RevisionLog.TakenAsync(db, Revision.EventType, eventId, number, cancellationToken)
        || await db.Events.AsNoTracking().AnyAsync(e => e.Id == eventId && e.Revision >= number, cancellationToken);

    private sealed record EventChange(EventSnapshot Fields, string Summary, int? MergedWith, EntrySaveResult? Refusal = null)
    {
        public static EventChange Refused(string field, string message) => new(null!, "", null, new EntrySaveResult.Invalid(field, message));
    }
}

/// <summary>The fields of an event that a revision keeps.</summary>
public sealed record EventSnapshot(
    string BodyMarkdown,
    EventKind Kind,
    string? ImageSlot,
    int SeasonId,
    int Order,
    bool Deleted = false,
    string? Milestone = null,
    string? MilestoneStatus = null,
    int? MilestoneEpisodeId = null,
    int? ImageId = null,
    string? ImageAlt = null,
    string? ImageCredit = null);
