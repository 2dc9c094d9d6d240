using JimPam.Wiki.Caching;
using JimPam.Wiki.Data;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Story;

/// <summary>
/// One season of the story as a reader at a point may see it: each relationship's parts in order (the wiki's first relationship
/// first), the episodes they cite, and the first relationship's recurring jokes. The season page and the API's season
/// resource both read it. The reader's spoiler shield is applied here, in the queries: what happens after the
/// reader's episode is never read, only counted. Three round trips (<see cref="LoadAsync"/>), four more for the
/// sources the API adds.
/// </summary>
public sealed record SeasonRead(
    int Id,
    int Number,
    string Summary,
    bool Finished,
    string FirstRelationship,
    IReadOnlyList<SeasonRead.Group> Groups,
    IReadOnlyList<SeasonRead.RelationshipLink> OtherRelationships,
    IReadOnlyList<JokeView> Jokes,
    IReadOnlyList<SeasonRead.CitedEpisode> CitedEpisodes,
    int? Previous,
    int? Next,
    int Hidden,
    LastEdit? LastEdit,
    IReadOnlyList<string> Tags,
    SeasonRead.Detail? Sources)
{
    /// <summary>What to read: one relationship's season alone (its slug), how many parts a page may show before other
    /// relationships' are only linked, and whether to read each part's sources (Markdown, citations, mentions).</summary>
    public sealed record Ask(string? Relationship = null, int Budget = int.MaxValue, bool WithSources = false);

    /// <summary>Only the wiki's first relationship is on the page: its events need no heading of their own.</summary>
    public bool SingleStory => Groups.Count == 1 && Groups[0].Slug is null && OtherRelationships.Count == 0;

    /// <summary>One relationship's parts of the season; <paramref name="Slug"/> is null for the wiki's first relationship.</summary>
    public sealed record Group(int RelationshipId, string? Slug, string RelationshipSlug, string Title, IReadOnlyList<SeasonEvent> Events);

    /// <summary>A part of the story: a paragraph or a figure, with the milestone it tells, unless that is hidden.</summary>
    public sealed record SeasonEvent(int Id, int Order, EventKind Kind, string? ImageSlot, IHtmlContent? Body, MilestoneTag? Milestone, int Revision, FigurePicture? Picture = null);

    /// <summary>A relationship whose parts of the season are on a page of their own (<c>?relationship=slug</c>).</summary>
    public sealed record RelationshipLink(string Slug, string Title, int? Events);

    public sealed record CitedEpisode(int Id, string Title, string Slug, int Season);

    /// <summary>What the API adds: the season's episodes, and each part's Markdown, citations, mentions and milestone episode.</summary>
    public sealed record Detail(
        IReadOnlyList<EpisodeStamp> Episodes,
        IReadOnlyDictionary<int, string> Markdown,
        ILookup<int, EpisodeStamp> Citations,
        ILookup<int, (string Slug, string Name)> Mentions,
        IReadOnlyDictionary<int, EpisodeStamp> MilestoneEpisodes);

    /// <summary>The season with this number as <paramref name="shield"/> lets its reader see it, or null when there is
    /// no such season, or no such relationship as <paramref name="ask"/> names.</summary>
    public static async Task<SeasonRead?> LoadAsync(WikiDbContext db, int number, SpoilerShield shield, Ask ask, CancellationToken cancellationToken)
    {
        var upTo = shield.Ordinal;
        var relationship = ask.Relationship;

        // 1. The relationships with parts in the season (the first relationship always), each row carrying the season's own
        // fields (one command: SQLite has no APPLY to hang a list of relationships on a season's row), and the first
        // relationship's recurring jokes the reader may see.
        // One more than the budget is asked for (to know it was exceeded): that must not overflow.
        var budget = Math.Min(ask.Budget, int.MaxValue - 1);
        // The season is the query's root row (none: no such season, so no rows), so every subquery refers to its id:
        // looked up by number once, not once per subquery, which made the statement's preparation a fifth of the
        // page's CPU time (bench/README.md, "Issue 35").
        var relationships = await (
                from s in db.Seasons.AsNoTracking().Where(s => s.Number == number)
                from r in db.Relationships.AsNoTracking()
                where db.FirstRelationship.Contains(r.Id)
                    || (relationship == null ? r.Events.Any(e => e.SeasonId == s.Id && !e.Deleted) : r.Slug == relationship)
                orderby r.Id
                select new
                {
                    r.Id,
                    r.Title,
                    r.Slug,
                    // Counted only for a season small enough to show every relationship's parts (the count stops past the
                    // budget), so a season of a wiki with a hundred relationships costs what a small one does.
                    Events = db.Events.Where(e => e.SeasonId == s.Id && !e.Deleted).OrderBy(e => e.Id).Take(budget + 1).Count() <= budget
                        ? r.Events.Count(e => e.SeasonId == s.Id && !e.Deleted)
                        : (int?)null,
                    SeasonId = s.Id,
                    s.Summary,
                    LastEpisode = db.Episodes.Where(e => e.SeasonId == s.Id && !e.Deleted).Max(e => (int?)e.NumberInSeason),
                    Previous = db.Seasons.Where(o => o.Number < number).Max(o => (int?)o.Number),
                    Next = db.Seasons.Where(o => o.Number > number).Min(o => (int?)o.Number),
                    SeasonParts = db.Events.Where(e => e.SeasonId == s.Id && !e.Deleted).OrderBy(e => e.Id).Take(budget + 1).Count(),
                    Jokes = r.Jokes
                        .Where(j => db.FirstRelationship.Contains(j.RelationshipId) && relationship == null && !j.Deleted && (upTo == null || j.Point <= upTo))
                        .OrderBy(j => j.Order)
                        .Select(j => new { j.Id, j.BodyHtml })
                        .ToList(),
                })
            .ToListAsync(cancellationToken);
        if (relationships.Count == 0 || (relationship is not null && relationships.All(c => c.Slug != relationship)))
        {
            return null;
        }

        var head = relationships[0];
        var seasonId = head.SeasonId;
        var first = head.Id;
        var small = head.SeasonParts <= budget;
        var shown = relationship is not null ? relationships.Where(c => c.Slug == relationship).ToList()
            : small ? relationships
            : relationships.Where(c => c.Id == first).ToList();
        var shownIds = shown.Select(c => c.Id).ToList();
        var withSources = ask.WithSources;

        // 2. The shown relationships' parts: deleted and hidden ones too, without their text, since deleting one was the
        // season's latest edit and hiding one is counted. Each part's last edit is stored on it by the writer.
        var parts = await db.Events.AsNoTracking()
            .Where(e => e.SeasonId == seasonId && shownIds.Contains(e.RelationshipId))
            .OrderBy(e => e.RelationshipId).ThenBy(e => e.Order)
            .Select(e => new
            {
                e.Id,
                e.RelationshipId,
                e.Order,
                e.Kind,
                e.ImageSlot,
                e.Deleted,
                e.Revision,
                e.MilestoneEpisodeId,
                Visible = !e.Deleted && (upTo == null || e.Point <= upTo),
                Html = !e.Deleted && (upTo == null || e.Point <= upTo) ? e.BodyHtml : null,
                Milestone = upTo == null || e.MilestonePoint <= upTo ? e.Milestone : null,
                e.MilestoneStatus,
                e.ImageId,
                e.ImageAlt,
                e.ImageCredit,
                ImageWidth = e.Image == null ? 0 : e.Image.Width,
                ImageHeight = e.Image == null ? 0 : e.Image.Height,
                ImageOriginal = e.Image == null ? null : e.Image.Original,
                ImageVariants = e.Image == null ? null : e.Image.VariantsJson,
                EditAuthor = e.EditedBy,
                EditAt = e.EditedAt,
            })
            .ToListAsync(cancellationToken);
        var visible = parts.Where(p => p.Visible).ToList();
        var visibleIds = visible.Select(p => p.Id).ToList();

        // 3. The episodes the shown parts cite, in the order a reader meets them: read from the stored link rows.
        var links = await db.WikiLinks.AsNoTracking()
            .Where(l => visibleIds.Contains(l.EventId!.Value) && l.EpisodeId != null)
            .Select(l => new { EventId = l.EventId!.Value, l.Position, Episode = new CitedEpisode(l.Episode!.Id, l.Episode.Title, l.Episode.Slug, l.Episode.Season.Number) })
            .ToListAsync(cancellationToken);
        var linksOf = links.ToLookup(l => l.EventId);
        var cited = visible.SelectMany(p => linksOf[p.Id].OrderBy(l => l.Position).Select(l => l.Episode)).Distinct().ToList();
        var edit = parts.Where(p => p.EditAt is not null).OrderBy(p => p.EditAt).ThenBy(p => p.Id).LastOrDefault();
        var byRelationship = visible.ToLookup(p => p.RelationshipId);
        var detail = withSources ? await DetailAsync(db, seasonId, [.. visible.Select(p => p.Id)], cancellationToken) : null;
        return new SeasonRead(
            seasonId,
            number,
            head.Summary ?? "",
            !shield.Active || !shield.Hides(new EpisodePoint(number, Math.Max(1, head.LastEpisode ?? 1))),
            head.Title,
            [.. shown.Select(c => new Group(
                c.Id,
                WikiDbContext.AddressValue(c.Id == first, c.Slug),
                c.Slug,
                c.Title,
                [.. byRelationship[c.Id].Select(p => new SeasonEvent(
                    p.Id,
                    p.Order,
                    p.Kind,
                    p.ImageSlot,
                    string.IsNullOrEmpty(p.Html) ? null : new HtmlString(p.Html),
                    p.Milestone is null ? null : new MilestoneTag(p.Milestone, p.MilestoneStatus),
                    p.Revision,
                    p.Visible ? FigurePicture.Of(p.ImageId, p.ImageWidth, p.ImageHeight, p.ImageAlt, p.ImageCredit, p.ImageOriginal, p.ImageVariants) : null))]))],
            relationship is null ? [.. relationships.Where(c => !shownIds.Contains(c.Id)).Select(c => new RelationshipLink(c.Slug, c.Title, c.Events))] : [],
            [.. head.Jokes.Select(j => new JokeView(j.Id, j.BodyHtml ?? ""))],
            cited,
            head.Previous,
            head.Next,
            parts.Count(p => !p.Deleted && !p.Visible),
            edit is not null ? new LastEdit(edit.EditAuthor!, edit.EditAt!.Value, Revision.EventType, edit.Id) : null,
            [
                CacheTags.Season(seasonId), CacheTags.SeasonStory(seasonId), CacheTags.Relationships, CacheTags.Jokes(first),
                .. shownIds.Select(CacheTags.Relationship),
                .. cited.Select(c => CacheTags.Episode(c.Id)).Distinct(),
            ],
            detail);
    }

    private static async Task<Detail> DetailAsync(WikiDbContext db, int seasonId, List<int> ids, CancellationToken cancellationToken)
    {
        var episodes = await db.Episodes.AsNoTracking().Where(e => e.SeasonId == seasonId && !e.Deleted).OrderBy(e => e.NumberInSeason)
            .Select(e => new EpisodeStamp(e.Id, e.Title, e.Slug, new EpisodePoint(e.Season.Number, e.NumberInSeason), e.AirDate))
            .ToListAsync(cancellationToken);
        var markdown = await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new
            {
                e.Id,
                e.BodyMarkdown,
                Milestone = e.MilestoneEpisode == null ? null : new EpisodeStamp(e.MilestoneEpisode.Id, e.MilestoneEpisode.Title, e.MilestoneEpisode.Slug, new EpisodePoint(e.MilestoneEpisode.Season.Number, e.MilestoneEpisode.NumberInSeason), e.MilestoneEpisode.AirDate),
            })
            .ToListAsync(cancellationToken);
        var citations = await db.EventCitations.AsNoTracking().Where(c => ids.Contains(c.EventId))
            .InBroadcastOrder(c => c.Episode)
            .Select(c => new { c.EventId, Episode = new EpisodeStamp(c.Episode.Id, c.Episode.Title, c.Episode.Slug, new EpisodePoint(c.Episode.Season.Number, c.Episode.NumberInSeason), c.Episode.AirDate) })
            .ToListAsync(cancellationToken);
        var mentions = await db.EventMentions.AsNoTracking().Where(m => ids.Contains(m.EventId))
            .OrderBy(m => m.Character.Name)
            .Select(m => new { m.EventId, m.Character.Slug, m.Character.Name })
            .ToListAsync(cancellationToken);
        return new Detail(
            episodes,
            markdown.ToDictionary(e => e.Id, e => e.BodyMarkdown),
            citations.ToLookup(c => c.EventId, c => c.Episode),
            mentions.ToLookup(m => m.EventId, m => (m.Slug, m.Name)),
            markdown.Where(e => e.Milestone is not null).ToDictionary(e => e.Id, e => e.Milestone!));
    }

    /// <summary>Why <see cref="LoadAsync"/> found nothing: no such relationship (when one was asked for and the season exists), or no such season.</summary>
    public static async Task<string> WhyMissingAsync(WikiDbContext db, int number, string? relationship, CancellationToken cancellationToken) =>
        relationship is not null && await db.Seasons.AnyAsync(s => s.Number == number, cancellationToken)
            ? $"There is no relationship “{relationship}”."
            : $"There is no season {number}.";

    /// <summary>
    /// The <c>relationship</c> value of the season page that shows an event: its relationship's slug, or null for the wiki's
    /// first relationship (whose parts the plain season page always shows).
    /// </summary>
    public static Task<string?> RelationshipOfEventAsync(WikiDbContext db, int eventId, CancellationToken cancellationToken) =>
        db.Events.AsNoTracking()
            .Where(e => e.Id == eventId && !db.FirstRelationship.Contains(e.RelationshipId))
            .Select(e => e.Relationship.Slug)
            .FirstOrDefaultAsync(cancellationToken);
}
