using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static JimPam.Wiki.Api.WikiApi;

namespace JimPam.Wiki.Api;

/// <summary>/api/v1/episodes: the catalogue, and each episode with the parts of the story that cite it.</summary>
public static class EpisodesApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapRead("/", ListAsync).WithName("ListEpisodes").WithSummary("Every episode")
            .WithDescription("The catalogue in broadcast order, with air dates (ISO 8601).");
        group.MapRead("/{slug}", GetAsync).WithName("GetEpisode").WithSummary("One episode with its citing events")
            .WithDescription("An episode, its other titles, and every part of the story that cites it. With asOf, parts that happen after that episode are left out.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<EpisodeList>> ListAsync(WikiDbContext db, SiteAddress site, CancellationToken cancellationToken)
    {
        var episodes = await db.Episodes.AsNoTracking().Where(e => !e.Deleted).OrderBy(e => e.Season.Number).ThenBy(e => e.NumberInSeason)
            .Select(e => new { e.Slug, e.Title, Season = e.Season.Number, e.NumberInSeason, e.AirDate }).ToListAsync(cancellationToken);
        return TypedResults.Ok(new EpisodeList([.. episodes.Select(e => EpisodeRef(site, e.Slug, e.Title, e.Season, e.NumberInSeason, e.AirDate))]));
    }

    private static async Task<Results<Ok<EpisodeDetail>, ProblemHttpResult>> GetAsync(string slug, string? asOf, HttpContext http, WikiDbContext db, SiteAddress site, CancellationToken cancellationToken)
    {
        var shield = SpoilerShield.OfAsOf(http);

        var e = await db.Episodes.AsNoTracking().Where(e => e.Slug == slug && !e.Deleted)
            .Select(e => new { e.Id, e.Slug, e.Title, Season = e.Season.Number, e.NumberInSeason, e.AirDate, Aliases = e.Aliases.Select(a => a.Title).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (e is null)
        {
            return NotFound(http, $"There is no episode “{slug}”.");
        }

        var (citing, hidden) = await CitingAsync(db, site, shield, ev => ev.Citations.Any(c => c.EpisodeId == e.Id), cancellationToken);
        return TypedResults.Ok(new EpisodeDetail(
            e.Slug, e.Title, e.Season, e.NumberInSeason, e.AirDate, e.Aliases, citing, shield.UpTo?.Code, hidden,
            site.Absolute($"{Prefix}/episodes/{e.Slug}"), site.Absolute($"/episodes/{e.Slug}")));
    }

    /// <summary>The parts of the story that match, as short citing entries, less those the shield hides (and how many).</summary>
    public static async Task<(List<CitingEvent> Events, int Hidden)> CitingAsync(WikiDbContext db, SiteAddress site, SpoilerShield shield, System.Linq.Expressions.Expression<Func<RelationshipEvent, bool>> which, CancellationToken cancellationToken)
    {
        var first = await db.FirstRelationshipIdAsync(cancellationToken);
        var rows = await db.Events.AsNoTracking().Where(ev => !ev.Deleted).Where(which)
            .OrderBy(ev => ev.Season.Number).ThenBy(ev => ev.RelationshipId).ThenBy(ev => ev.Order)
            .Select(ev => new { ev.Id, ev.RelationshipId, Relationship = ev.Relationship.Slug, Season = ev.Season.Number, ev.BodyMarkdown, ev.BodyHtml })
            .ToListAsync(cancellationToken);
        var shown = await shield.ShownEventsAsync(db, rows, r => r.Id, r => r.RelationshipId, cancellationToken);
        return ([.. shown.Select(r => new CitingEvent(
            r.Id, r.Relationship, r.Season, r.BodyMarkdown, r.BodyHtml ?? "",
            EventPage(site, r.Season, r.RelationshipId == first ? null : r.Relationship, r.Id),
            site.Absolute($"{Prefix}/seasons/{r.Season}")))], rows.Count - shown.Count);
    }
}
