using JimPam.Wiki.Caching;
using JimPam.Wiki.Data;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Story;

/// <summary>
/// An episode as a reader at a point may see it: what it is, its neighbours in broadcast order, and what cites it
/// ("what links here"), a page of the citing parts at a time, the wiki's first relationship first, each relationship in story
/// order. The episode page and the API's episode resource both read it; the spoiler shield is applied in the
/// queries. Three round trips.
/// </summary>
public sealed record EpisodeRead(
    int Id,
    string Title,
    string Slug,
    int Season,
    int Number,
    DateOnly? AirDate,
    IReadOnlyList<string> Aliases,
    EpisodeRead.Neighbour? Previous,
    EpisodeRead.Neighbour? Next,
    bool Later,
    int CitingCount,
    IReadOnlyList<EpisodeRead.Citing> Citings,
    IReadOnlyList<IHtmlContent> Jokes,
    bool QuotedInEpigraph,
    int Hidden,
    LastEdit? LastEdit,
    IReadOnlyList<string> Tags)
{
    /// <summary>Which page of the citing parts (from 1), how many to a page, and whether to read their Markdown.</summary>
    public sealed record Ask(int Page = 1, int PageSize = int.MaxValue, bool WithMarkdown = false);

    public sealed record Neighbour(int Id, string Title, string Slug);

    /// <summary>A part that cites the episode; <paramref name="Relationship"/> is its relationship's address value (its slug, null for the wiki's first) and <paramref name="RelationshipTitle"/> its title.</summary>
    public sealed record Citing(int Id, int RelationshipId, string RelationshipSlug, string? Relationship, string RelationshipTitle, int Season, int Order, IHtmlContent Body, string? Markdown);

    /// <summary>The citing parts of one season of one relationship's story; <paramref name="RelationshipTitle"/> is null for the wiki's first relationship, and <paramref name="Relationship"/> its address value.</summary>
    public sealed record Group(string? RelationshipTitle, string? Relationship, int Season, IReadOnlyList<Citing> Events);

    /// <summary>The citing parts on this page, by relationship and season.</summary>
    public IReadOnlyList<Group> Groups { get; } =
        [.. Citings.GroupBy(c => (c.RelationshipId, c.Relationship, c.RelationshipTitle, c.Season))
            .Select(g => new Group(g.Key.Relationship is null ? null : g.Key.RelationshipTitle, g.Key.Relationship, g.Key.Season, [.. g]))];

    /// <summary>The episode with this slug as <paramref name="shield"/> lets its reader see it, or null when there is none.</summary>
    public static async Task<EpisodeRead?> LoadAsync(WikiDbContext db, string slug, SpoilerShield shield, Ask ask, CancellationToken cancellationToken)
    {
        var upTo = shield.Ordinal;

        // 1. The episode, its neighbours, and how much cites it, in all and as the reader may see it.
        var head = await db.Episodes.AsNoTracking()
            .Where(e => e.Slug == slug && !e.Deleted)
            .Select(BroadcastOrder.Expand((Episode e) => new
            {
                e.Id,
                e.Title,
                e.Slug,
                Season = e.Season.Number,
                e.NumberInSeason,
                e.AirDate,
                Aliases = e.Aliases.Select(a => a.Title).ToList(),
                // The neighbours in broadcast order (BroadcastOrder.Key, written out by Expand below).
                PreviousId = db.Episodes.Where(o => !o.Deleted && BroadcastOrder.Key(o) < BroadcastOrder.Key(e)).OrderByDescending(o => BroadcastOrder.Key(o)).Select(o => (int?)o.Id).FirstOrDefault(),
                PreviousTitle = db.Episodes.Where(o => !o.Deleted && BroadcastOrder.Key(o) < BroadcastOrder.Key(e)).OrderByDescending(o => BroadcastOrder.Key(o)).Select(o => o.Title).FirstOrDefault(),
                PreviousSlug = db.Episodes.Where(o => !o.Deleted && BroadcastOrder.Key(o) < BroadcastOrder.Key(e)).OrderByDescending(o => BroadcastOrder.Key(o)).Select(o => o.Slug).FirstOrDefault(),
                NextId = db.Episodes.Where(o => !o.Deleted && BroadcastOrder.Key(o) > BroadcastOrder.Key(e)).OrderBy(o => BroadcastOrder.Key(o)).Select(o => (int?)o.Id).FirstOrDefault(),
                NextTitle = db.Episodes.Where(o => !o.Deleted && BroadcastOrder.Key(o) > BroadcastOrder.Key(e)).OrderBy(o => BroadcastOrder.Key(o)).Select(o => o.Title).FirstOrDefault(),
                NextSlug = db.Episodes.Where(o => !o.Deleted && BroadcastOrder.Key(o) > BroadcastOrder.Key(e)).OrderBy(o => BroadcastOrder.Key(o)).Select(o => o.Slug).FirstOrDefault(),
                Citing = db.EventCitations.Count(c => c.EpisodeId == e.Id && !c.Event.Deleted),
                CitingShown = db.EventCitations.Count(c => c.EpisodeId == e.Id && !c.Event.Deleted && (upTo == null || c.Event.Point <= upTo)),
                Jokes = db.JokeCitations.Count(c => c.EpisodeId == e.Id && !c.Joke.Deleted),
                Quoted = db.Relationships.Any(r => r.QuoteEpisodeId == e.Id),
                EditAuthor = e.EditedBy,
                EditAt = e.EditedAt,
            }))
            .FirstOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        var later = shield.Active && shield.Hides(new EpisodePoint(head.Season, head.NumberInSeason));
        var previous = head.PreviousId is { } p ? new Neighbour(p, head.PreviousTitle!, head.PreviousSlug!) : null;
        var next = head.NextId is { } n ? new Neighbour(n, head.NextTitle!, head.NextSlug!) : null;

        // 2. The page of citing parts the reader may see: chosen on narrow columns, and only
        // their bodies read (sorting the bodies of hundreds of citing parts to keep twenty costs more than the page).
        var skip = (Math.Max(ask.Page, 1) - 1) * (long)ask.PageSize;
        var take = later ? 0 : ask.PageSize;
        var chosen = db.EventCitations
            .Where(c => c.EpisodeId == head.Id && !c.Event.Deleted && (upTo == null || c.Event.Point <= upTo))
            .OrderBy(c => c.Event.RelationshipId).ThenBy(c => c.Event.Season.Number).ThenBy(c => c.Event.Order)
            .Skip((int)Math.Min(skip, int.MaxValue)).Take(take)
            .Select(c => c.EventId);
        var withMarkdown = ask.WithMarkdown;
        var rows = await db.Events.AsNoTracking()
            .Where(e => chosen.Contains(e.Id))
            .OrderBy(e => e.RelationshipId).ThenBy(e => e.Season.Number).ThenBy(e => e.Order)
            .Select(e => new
            {
                e.Id,
                e.RelationshipId,
                First = db.FirstRelationship.Contains(e.RelationshipId),
                e.Relationship.Slug,
                e.Relationship.Title,
                Season = e.Season.Number,
                e.Order,
                e.BodyHtml,
                Markdown = withMarkdown ? e.BodyMarkdown : null,
            })
            .ToListAsync(cancellationToken);

        // 3. The jokes that cite it, as the reader may see them.
        var jokes = later ? [] : await db.JokeCitations.AsNoTracking()
            .Where(c => c.EpisodeId == head.Id && !c.Joke.Deleted
                && (upTo == null || c.Joke.Point <= upTo))
            .OrderBy(c => c.Joke.Order)
            .Select(c => new { c.JokeId, c.Joke.BodyHtml })
            .ToListAsync(cancellationToken);

        var citings = rows
            .Select(r => new Citing(r.Id, r.RelationshipId, r.Slug, WikiDbContext.AddressValue(r.First, r.Slug), r.Title, r.Season, r.Order, new HtmlString(r.BodyHtml), r.Markdown))
            .ToList();
        List<string> tags = [CacheTags.Episode(head.Id), CacheTags.EpisodeOrder, .. new[] { previous, next }.OfType<Neighbour>().Select(o => CacheTags.Episode(o.Id))];
        if (!later)
        {
            tags.AddRange([
                CacheTags.Relationships,
                .. citings.Select(c => CacheTags.Event(c.Id)),
                .. citings.Select(c => CacheTags.Relationship(c.RelationshipId)).Distinct(),
                .. jokes.Select(j => CacheTags.Joke(j.JokeId))]);
        }

        return new EpisodeRead(
            head.Id,
            head.Title,
            head.Slug,
            head.Season,
            head.NumberInSeason,
            head.AirDate,
            head.Aliases,
            previous,
            next,
            later,
            later ? 0 : head.CitingShown,
            citings,
            [.. jokes.Select(j => new HtmlString(j.BodyHtml ?? ""))],
            !later && head.Quoted,
            later ? head.Citing + head.Jokes : head.Citing - head.CitingShown + head.Jokes - jokes.Count,
            later || head.EditAuthor is null ? null : new LastEdit(head.EditAuthor, head.EditAt!.Value, Revision.EpisodeType, head.Id),
            tags);
    }
}
