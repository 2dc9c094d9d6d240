using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Episodes;

/// <summary>An episode, its neighbours, and every event and joke that cites it ("what links here").</summary>
[OutputCache(PolicyName = WikiPagePolicy.PagedName)]
public class EpisodeModel(WikiDbContext db) : PageModel
{
    public EpisodeView? Episode { get; private set; }

    public int EpisodeId { get; private set; }

    /// <summary>Citing events shown on one page: an episode of a big wiki can be cited by hundreds of them.</summary>
    public const int PageSize = 20;

    public LastEdit? LastEdit { get; private set; }

    /// <summary>The episode comes after the reader's spoiler shield: the page shows what it is, not the story.</summary>
    public bool Later { get; private set; }

    /// <summary>How many citing events and jokes the reader's spoiler shield hides.</summary>
    public int Hidden { get; private set; }

    /// <summary>Which page of the citing events ("?p=2"), from 1. ("page" is the name Razor Pages routes by.)</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int CitingPage { get; set; } = 1;

    public int CitingCount { get; private set; }

    public string EpisodeSlug { get; private set; } = "";

    public int CitingPages => Math.Max(1, (CitingCount + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        // "Café-Disco" and "cafe-disco" are one address: a spelling that is not the slug is looked up as its slug.
        var canonical = Slug.From(slug);
        var episode = await FindAsync(slug, cancellationToken) ?? (canonical == slug ? null : await FindAsync(canonical, cancellationToken));
        if (episode is null)
        {
            // An address the entry had before an editor changed it answers with a permanent redirect to the current one.
            return await RetiredSlugs.CurrentSlugAsync(db, Revision.EpisodeType, canonical, cancellationToken) is { } moved
                ? RedirectToPagePermanent("/Episodes/Episode", new { slug = moved })
                : NotFound();
        }

        if (this.RedirectToCanonical("/Episodes/Episode", new { slug = episode.Slug }) is { } redirect)
        {
            return redirect;
        }

        var previous = await db.Episodes.AsNoTracking()
            .Where(e => !e.Deleted)
            .Where(e => e.Season.Number < episode.Season || (e.Season.Number == episode.Season && e.NumberInSeason < episode.NumberInSeason))
            .OrderByDescending(e => e.Season.Number).ThenByDescending(e => e.NumberInSeason)
            .Select(e => new Neighbour(e.Id, e.Title, e.Slug))
            .FirstOrDefaultAsync(cancellationToken);
        var next = await db.Episodes.AsNoTracking()
            .Where(e => !e.Deleted)
            .Where(e => e.Season.Number > episode.Season || (e.Season.Number == episode.Season && e.NumberInSeason > episode.NumberInSeason))
            .OrderBy(e => e.Season.Number).ThenBy(e => e.NumberInSeason)
            .Select(e => new Neighbour(e.Id, e.Title, e.Slug))
            .FirstOrDefaultAsync(cancellationToken);

        CitingCount = await db.EventCitations.CountAsync(c => c.EpisodeId == episode.Id, cancellationToken);
        var shield = SpoilerShield.Of(HttpContext);
        if (shield.Active && shield.Hides(new EpisodePoint(episode.Season, episode.NumberInSeason)))
        {
            // A later episode than the reader's: what it is and when it aired, but none of the story it is part of.
            Later = true;
            Hidden = CitingCount + await db.JokeCitations.CountAsync(c => c.EpisodeId == episode.Id, cancellationToken);
            CitingCount = 0;
            EpisodeId = episode.Id;
            EpisodeSlug = episode.Slug;
            HttpContext.Tag([CacheTags.Episode(episode.Id), CacheTags.EpisodeOrder, .. new[] { previous, next }.OfType<Neighbour>().Select(n => CacheTags.Episode(n.Id))]);
            Episode = new EpisodeView(episode.Title, episode.Season, episode.NumberInSeason, episode.AirDate, episode.Aliases, [], [], false, previous, next);
            return Page();
        }

        // Under a shield, only the citing events the reader may see count, and are paged.
        List<int>? visible = null;
        if (shield.Active)
        {
            var all = await db.EventCitations.AsNoTracking()
                .Where(c => c.EpisodeId == episode.Id)
                .OrderBy(c => c.Event.RelationshipId).ThenBy(c => c.Event.Season.Number).ThenBy(c => c.Event.Order)
                .Select(c => new { c.EventId, c.Event.RelationshipId })
                .ToListAsync(cancellationToken);
            var story = await Chronology.LoadAsync(db, [.. all.Select(a => a.RelationshipId).Distinct()], cancellationToken);
            visible = [.. all.Where(a => !shield.HidesEvent(story, a.EventId)).Select(a => a.EventId)];
            Hidden = all.Count - visible.Count;
            CitingCount = visible.Count;
        }

        if (CitingPage < 1 || CitingPage > CitingPages)
        {
            return NotFound();
        }

        // The first relationship's story first (the article the wiki is about), then the others', each in story order.
        var primary = await db.FirstRelationshipIdAsync(cancellationToken);
        // The page's events are chosen on narrow columns, and only their bodies are read: sorting the bodies of every
        // citing event (hundreds, in a big wiki) to keep twenty cost more than the rest of the page.
        var chosen = visible is not null
            ? [.. visible.Skip((CitingPage - 1) * PageSize).Take(PageSize)]
            : await db.EventCitations.AsNoTracking()
                .Where(c => c.EpisodeId == episode.Id)
                .OrderBy(c => c.Event.RelationshipId).ThenBy(c => c.Event.Season.Number).ThenBy(c => c.Event.Order)
                .Skip((CitingPage - 1) * PageSize).Take(PageSize)
                .Select(c => c.EventId)
                .ToListAsync(cancellationToken);
        var bodies = await db.Events.AsNoTracking()
            .Where(e => chosen.Contains(e.Id))
            .Select(e => new { e.Id, e.Order, e.RelationshipId, Relationship = e.Relationship.Title, e.Relationship.Slug, Season = e.Season.Number, e.Kind, e.BodyHtml })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var citing = chosen.Select(id => bodies[id]).ToList();
        var jokes = await db.JokeCitations.AsNoTracking()
            .Where(c => c.EpisodeId == episode.Id)
            .OrderBy(c => c.Joke.Order)
            .Select(c => new { c.JokeId, Html = c.Joke.BodyHtml ?? "" })
            .ToListAsync(cancellationToken);
        if (shield.Active)
        {
            var jokeIds = jokes.Select(j => j.JokeId).ToList();
            var shown = await shield.ShownJokesAsync(db.JokeCitations.Where(c => jokeIds.Contains(c.JokeId)), jokes, j => j.JokeId, cancellationToken);
            Hidden += jokes.Count - shown.Count;
            jokes = shown;
        }

        var quoted = await db.Relationships.AnyAsync(r => r.QuoteEpisodeId == episode.Id, cancellationToken);

        EpisodeId = episode.Id;
        EpisodeSlug = episode.Slug;
        HttpContext.Tag([
            CacheTags.Episode(episode.Id), CacheTags.EpisodeOrder, CacheTags.Relationships,
            .. new[] { previous, next }.OfType<Neighbour>().Select(n => CacheTags.Episode(n.Id)),
            .. citing.Select(c => CacheTags.Event(c.Id)),
            .. citing.Select(c => CacheTags.Relationship(c.RelationshipId)).Distinct(),
            .. jokes.Select(j => CacheTags.Joke(j.JokeId))]);
        LastEdit = await LastEdit.OfAsync(db, Revision.EpisodeType, episode.Id, cancellationToken);
        Episode = new EpisodeView(
            episode.Title,
            episode.Season,
            episode.NumberInSeason,
            episode.AirDate,
            episode.Aliases,
            [.. citing.GroupBy(c => (c.RelationshipId, c.Relationship, c.Slug, c.Season)).Select(g => new CitingGroup(
                g.Key.RelationshipId == primary ? null : g.Key.Relationship, g.Key.RelationshipId == primary ? null : g.Key.Slug, g.Key.Season, [.. g.Select(c => new CitingEvent(c.Id, c.Order, new HtmlString(c.BodyHtml)))]))],
            [.. jokes.Select(j => new HtmlString(j.Html))],
            quoted,
            previous,
            next);
        return Page();
    }

    private Task<Found?> FindAsync(string slug, CancellationToken cancellationToken) =>
        db.Episodes.AsNoTracking()
            .Where(e => e.Slug == slug && !e.Deleted)
            .Select(e => new Found(e.Id, e.Title, e.Slug, e.NumberInSeason, e.Season.Number, e.AirDate, e.Aliases.Select(a => a.Title).ToList()))
            .FirstOrDefaultAsync(cancellationToken);

    private sealed record Found(int Id, string Title, string Slug, int NumberInSeason, int Season, DateOnly? AirDate, List<string> Aliases);

    public sealed record EpisodeView(
        string Title,
        int Season,
        int Number,
        DateOnly? AirDate,
        IReadOnlyList<string> Aliases,
        IReadOnlyList<CitingGroup> Groups,
        IReadOnlyList<IHtmlContent> Jokes,
        bool QuotedInEpigraph,
        Neighbour? Previous,
        Neighbour? Next);

    /// <summary>The citing events of one season of one relationship's story; <paramref name="Relationship"/> is null for the wiki's own couple.</summary>
    public sealed record CitingGroup(string? Relationship, string? Couple, int Season, IReadOnlyList<CitingEvent> Events);

    public sealed record CitingEvent(int EventId, int Order, IHtmlContent Body);

    public sealed record Neighbour(int Id, string Title, string Slug);
}
