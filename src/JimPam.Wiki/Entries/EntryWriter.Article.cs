using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Entries;

/// <summary>The relationship article's own fields, the season summaries and the recurring jokes.</summary>
public sealed partial class EntryWriter
{
    /// <summary>Creates a relationship article (<paramref name="id"/> null; its address comes from its title) or changes one.</summary>
    public Task<EntrySaveResult> SaveRelationshipAsync(int? id, int baseRevision, RelationshipSnapshot fields, string author, string summary, CancellationToken cancellationToken) =>
        WriteAsync(Revision.RelationshipType, id, baseRevision, author, summary.Trim(), true, _ => Task.FromResult<RelationshipSnapshot?>(Tidy(fields)), ApplyRelationshipAsync, cancellationToken);

    /// <summary>Creates a relationship article at an address of its own (the import's, from <c>relationships.csv</c>) rather than its title's.</summary>
    public Task<EntrySaveResult> CreateRelationshipAsync(RelationshipSnapshot fields, string address, string author, string summary, CancellationToken cancellationToken) =>
        WriteAsync(Revision.RelationshipType, null, 0, author, summary.Trim(), false, _ => Task.FromResult<RelationshipSnapshot?>(Tidy(fields)),
            (_, f, ct) => ApplyRelationshipAsync(null, f, Slug.From(address), ct), cancellationToken);

    public Task<EntrySaveResult> SaveSeasonAsync(int id, int baseRevision, SeasonSnapshot fields, string author, string summary, CancellationToken cancellationToken) =>
        WriteAsync(Revision.SeasonType, id, baseRevision, author, summary.Trim(), true, _ => Task.FromResult<SeasonSnapshot?>(new SeasonSnapshot(fields.Summary.Trim())), ApplySeasonAsync, cancellationToken);

    /// <summary>Adds a season with its summary line (seasons come with the episode catalogue the import reads).</summary>
    public Task<EntrySaveResult> CreateSeasonAsync(int number, SeasonSnapshot fields, string author, string summary, CancellationToken cancellationToken) =>
        WriteAsync(Revision.SeasonType, null, 0, author, summary.Trim(), false, _ => Task.FromResult<SeasonSnapshot?>(new SeasonSnapshot(fields.Summary.Trim())),
            (_, f, ct) => ApplySeasonAsync(null, f, number, ct), cancellationToken);

    /// <summary>Creates a recurring joke (<paramref name="id"/> null; it goes last) or changes one.</summary>
    public Task<EntrySaveResult> SaveJokeAsync(int? id, int baseRevision, JokeSnapshot fields, string author, string summary, CancellationToken cancellationToken) =>
        WriteAsync(Revision.JokeType, id, baseRevision, author, summary.Trim(), true, _ => Task.FromResult<JokeSnapshot?>(fields with { Body = Normalise(fields.Body) }), ApplyJokeAsync, cancellationToken);

    /// <summary>Deletes a recurring joke softly: readers no longer see it, and its history restores it.</summary>
    public Task<EntrySaveResult> DeleteJokeAsync(int id, int baseRevision, string author, string summary, CancellationToken cancellationToken) =>
        WriteAsync(Revision.JokeType, id, baseRevision, author, summary.Trim(), false,
            async ct => await db.Jokes.AsNoTracking().Where(j => j.Id == id).Select(j => new JokeSnapshot(j.BodyMarkdown, true)).FirstOrDefaultAsync(ct),
            ApplyJokeAsync, cancellationToken);

    private static string Normalise(string markdown) => markdown.ReplaceLineEndings("\n").Trim();

    private static RelationshipSnapshot Of(Relationship r) => new(
        r.Title,
        r.Status,
        r.QuoteText,
        r.QuoteSpeaker,
        r.QuoteEpisode?.Title,
        r.IntroMarkdown,
        r.BehindTheScenesMarkdown,
        [.. r.Members.OrderBy(m => m.Position).Select(m => m.Character.Name)],
        r.BehindTheScenesFootnote);

    private static RelationshipSnapshot Tidy(RelationshipSnapshot f) => f with
    {
        Title = f.Title.Trim(),
        Status = f.Status.Trim(),
        QuoteText = f.QuoteText.Trim(),
        QuoteSpeaker = f.QuoteSpeaker.Trim(),
        QuoteEpisode = string.IsNullOrWhiteSpace(f.QuoteEpisode) ? null : f.QuoteEpisode.Trim(),
        Intro = Normalise(f.Intro),
        BehindTheScenes = Normalise(f.BehindTheScenes),
        Members = [.. f.Members.Select(m => m.Trim()).Where(m => m.Length > 0)],
        Footnote = string.IsNullOrWhiteSpace(f.Footnote) ? null : f.Footnote.Trim(),
    };

    /// <summary>A relationship created or changed by its form or a revert: a new one's address comes from its title.</summary>
    private Task<Applied> ApplyRelationshipAsync(int? id, RelationshipSnapshot f, CancellationToken cancellationToken) =>
        ApplyRelationshipAsync(id, f, Slug.From(f.Title), cancellationToken);

    private async Task<Applied> ApplyRelationshipAsync(int? id, RelationshipSnapshot f, string slug, CancellationToken cancellationToken)
    {
        Relationship target;
        if (id is null)
        {
            if (slug.Length == 0 || await db.Relationships.AnyAsync(r => r.Slug == slug, cancellationToken))
            {
                return Applied.Refused(nameof(RelationshipSnapshot.Title), $"Another relationship already has the address /relationships/{slug}; give this one another title.");
            }

            target = new Relationship { Id = NewId(), Slug = slug };
            db.Relationships.Add(target);
        }
        else
        {
            target = await db.Relationships
                .Include(r => r.Members).ThenInclude(m => m.Character)
                .Include(r => r.QuoteEpisode)
                .Include(r => r.Links)
                .SingleAsync(r => r.Id == id, cancellationToken);
        }

        var links = await LinksAsync(cancellationToken);
        var members = new List<int>();
        foreach (var name in f.Members)
        {
            if (links.Resolver.Resolve(name) is not { Kind: WikiLinkKind.Character } member)
            {
                return Applied.Refused(nameof(RelationshipSnapshot.Members), $"“{name}” is not a character of the wiki; add the character first.");
            }

            members.Add(member.Id);
        }

        if (members.Count == 0 || members.Distinct().Count() != members.Count)
        {
            return Applied.Refused(nameof(RelationshipSnapshot.Members), "Name each member once, one per line.");
        }

        int? quoteEpisode = null;
        if (f.QuoteEpisode is { } episodeTitle)
        {
            if (links.Resolver.ResolveEpisode(episodeTitle) is not { } episode)
            {
                return Applied.Refused(nameof(RelationshipSnapshot.QuoteEpisode), $"“{episodeTitle}” is not an episode of the wiki.");
            }

            quoteEpisode = episode.Id;
        }

        if (target.Revision == 0 && id is not null)
        {
            db.Revisions.Add(RevisionLog.Entry(Revision.RelationshipType, target.Id, 1, Of(target), ImportAuthor, ImportSummary, clock.GetUtcNow()));
            target.Revision = 1;
        }

        (target.Title, target.Status, target.QuoteText, target.QuoteSpeaker, target.QuoteEpisodeId) = (f.Title, f.Status, f.QuoteText, f.QuoteSpeaker, quoteEpisode);
        target.QuoteSpeakerId = links.Resolver.Resolve(f.QuoteSpeaker) is { Kind: WikiLinkKind.Character } speaker ? speaker.Id : null;
        target.BehindTheScenesFootnote = f.Footnote;
        target.Members.RemoveAll(m => !members.Contains(m.CharacterId));
        target.Members.AddRange(members.Where(c => target.Members.All(m => m.CharacterId != c)).Select(c => new RelationshipMember { CharacterId = c }));
        foreach (var member in target.Members)
        {
            member.Position = members.IndexOf(member.CharacterId);
        }

        bodies.SetArticle(target, f.Intro, f.BehindTheScenes, links);
        target.Revision++;
        return new Applied(() => target.Id, () => target.Slug, target.Revision, () => f, null);
    }

    /// <summary>A season's summary changed by its form or a revert.</summary>
    private Task<Applied> ApplySeasonAsync(int? id, SeasonSnapshot f, CancellationToken cancellationToken) =>
        ApplySeasonAsync(id, f, null, cancellationToken);

    private async Task<Applied> ApplySeasonAsync(int? id, SeasonSnapshot f, int? number, CancellationToken cancellationToken)
    {
        Season target;
        if (number is { } newNumber)
        {
            if (newNumber < 1 || await db.Seasons.AnyAsync(s => s.Number == newNumber, cancellationToken))
            {
                return Applied.Refused(nameof(Season.Number), $"Season {newNumber} exists already, or is not a season number.");
            }

            target = new Season { Id = NewId(), Number = newNumber };
            db.Seasons.Add(target);
        }
        else
        {
            target = await db.Seasons.SingleAsync(s => s.Id == id, cancellationToken);
        }

        if (target.Revision == 0 && id is not null)
        {
            db.Revisions.Add(RevisionLog.Entry(Revision.SeasonType, target.Id, 1, new SeasonSnapshot(target.Summary), ImportAuthor, ImportSummary, clock.GetUtcNow()));
            target.Revision = 1;
        }

        target.Summary = f.Summary;
        target.Revision++;
        return new Applied(() => target.Id, () => target.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), target.Revision, () => f, null);
    }

    private async Task<Applied> ApplyJokeAsync(int? id, JokeSnapshot f, CancellationToken cancellationToken)
    {
        RecurringJoke target;
        if (id is null)
        {
            var relationship = await db.Relationships
                .Where(r => f.RelationshipId == null || r.Id == f.RelationshipId)
                .OrderBy(r => r.Id).Select(r => new { r.Id, Last = r.Jokes.Max(j => (int?)j.Order) ?? 0 }).FirstOrDefaultAsync(cancellationToken);
            if (relationship is null)
            {
                return Applied.Refused(nameof(JokeSnapshot.RelationshipId), "There is no such relationship.");
            }

            target = new RecurringJoke { Id = NewId(), RelationshipId = relationship.Id, Order = relationship.Last + 1 };
            db.Jokes.Add(target);
        }
        else
        {
            target = await db.Jokes.Include(j => j.Citations).Include(j => j.Links).SingleAsync(j => j.Id == id, cancellationToken);
            if (target.Revision == 0)
            {
                db.Revisions.Add(RevisionLog.Entry(Revision.JokeType, target.Id, 1, new JokeSnapshot(target.BodyMarkdown, target.Deleted, target.Order), ImportAuthor, ImportSummary, clock.GetUtcNow()));
                target.Revision = 1;
            }
        }

        target.Deleted = f.Deleted;
        bodies.Set(target, f.Body, await LinksAsync(cancellationToken));
        if (f.Position is { } position)
        {
            // The jokes are numbered 1, 2, 3 again with this one at its new place; the others only shift, so they get no revision.
            var others = await db.Jokes.Where(j => j.RelationshipId == target.RelationshipId && j.Id != target.Id).OrderBy(j => j.Order).ToListAsync(cancellationToken);
            others.Insert(Math.Clamp(position, 1, others.Count + 1) - 1, target);
            for (var i = 0; i < others.Count; i++)
            {
                others[i].Order = i + 1;
            }
        }

        target.Revision++;
        return new Applied(() => target.Id, () => "", target.Revision, () => f with { Position = target.Order, RelationshipId = null }, null);
    }
}
