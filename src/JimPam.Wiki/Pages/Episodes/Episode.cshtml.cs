using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Episodes;

/// <summary>An episode, its neighbours, and every event and joke that cites it ("what links here").</summary>
public class EpisodeModel(WikiDbContext db) : PageModel
{
    public EpisodeView? Episode { get; private set; }

    public int EpisodeId { get; private set; }

    public LastEdit? LastEdit { get; private set; }

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
            .Select(e => new Neighbour(e.Title, e.Slug))
            .FirstOrDefaultAsync(cancellationToken);
        var next = await db.Episodes.AsNoTracking()
            .Where(e => !e.Deleted)
            .Where(e => e.Season.Number > episode.Season || (e.Season.Number == episode.Season && e.NumberInSeason > episode.NumberInSeason))
            .OrderBy(e => e.Season.Number).ThenBy(e => e.NumberInSeason)
            .Select(e => new Neighbour(e.Title, e.Slug))
            .FirstOrDefaultAsync(cancellationToken);

        var citing = await db.EventCitations.AsNoTracking()
            .Where(c => c.EpisodeId == episode.Id)
            .OrderBy(c => c.Event.Season.Number).ThenBy(c => c.Event.Order)
            .Select(c => new { c.Event.Id, c.Event.Order, Season = c.Event.Season.Number, c.Event.Kind, c.Event.BodyHtml })
            .ToListAsync(cancellationToken);
        var jokes = await db.JokeCitations.AsNoTracking()
            .Where(c => c.EpisodeId == episode.Id)
            .OrderBy(c => c.Joke.Order)
            .Select(c => c.Joke.BodyHtml ?? "")
            .ToListAsync(cancellationToken);
        var quoted = await db.Relationships.AnyAsync(r => r.QuoteEpisodeId == episode.Id, cancellationToken);

        EpisodeId = episode.Id;
        LastEdit = await LastEdit.OfAsync(db, Revision.EpisodeType, episode.Id, cancellationToken);
        Episode = new EpisodeView(
            episode.Title,
            episode.Season,
            episode.NumberInSeason,
            episode.AirDate,
            episode.Aliases,
            [.. citing.GroupBy(c => c.Season).Select(g => new CitingGroup(g.Key, [.. g.Select(c => new CitingEvent(c.Id, c.Order, new HtmlString(c.BodyHtml)))]))],
            [.. jokes.Select(j => new HtmlString(j))],
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

    public sealed record CitingGroup(int Season, IReadOnlyList<CitingEvent> Events);

    public sealed record CitingEvent(int EventId, int Order, IHtmlContent Body);

    public sealed record Neighbour(string Title, string Slug);
}
