using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static JimPam.Wiki.Api.WikiApi;

namespace JimPam.Wiki.Api;

/// <summary>/api/v1/seasons: the seasons, and each season's part of every couple's story.</summary>
public static class SeasonsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapRead("/", ListAsync).WithName("ListSeasons").WithSummary("Every season")
            .WithDescription("Each season with its number of episodes and of parts of the story.");
        group.MapRead("/{number:int}", GetAsync).WithName("GetSeason").WithSummary("One season with its story")
            .WithDescription("The season's episodes and every part of the story told in it (of every couple, or of one with relationship=slug), each as Markdown and HTML with the episodes it cites and the characters it mentions. With asOf, parts that happen after that episode are left out.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<SeasonList>> ListAsync(WikiDbContext db, SiteAddress site, CancellationToken cancellationToken)
    {
        var seasons = await db.Seasons.AsNoTracking().OrderBy(s => s.Number)
            .Select(s => new { s.Number, Episodes = s.Episodes.Count(e => !e.Deleted), Events = db.Events.Count(e => e.SeasonId == s.Id && !e.Deleted) })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new SeasonList([.. seasons.Select(s => new SeasonSummary(s.Number, s.Episodes, s.Events, site.Absolute($"{Prefix}/seasons/{s.Number}"), site.Absolute($"/seasons/{s.Number}")))]));
    }

    private static async Task<Results<Ok<SeasonDetail>, ProblemHttpResult>> GetAsync(int number, string? asOf, string? relationship, HttpContext http, WikiDbContext db, SiteAddress site, CancellationToken cancellationToken)
    {
        var shield = SpoilerShield.OfAsOf(http);

        var season = await db.Seasons.AsNoTracking().Where(s => s.Number == number).Select(s => new { s.Id, s.Number, s.Summary }).FirstOrDefaultAsync(cancellationToken);
        if (season is null)
        {
            return NotFound(http, $"There is no season {number}.");
        }

        int? coupleId = null;
        if (relationship is not null)
        {
            coupleId = await db.Relationships.Where(r => r.Slug == relationship).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
            if (coupleId is null)
            {
                return NotFound(http, $"There is no relationship “{relationship}”.");
            }
        }

        var episodes = await db.Episodes.AsNoTracking().Where(e => e.SeasonId == season.Id && !e.Deleted).OrderBy(e => e.NumberInSeason)
            .Select(e => new { e.Slug, e.Title, e.NumberInSeason, e.AirDate }).ToListAsync(cancellationToken);
        var (events, hidden) = await EventsAsync(db, site, shield, e => e.SeasonId == season.Id && (coupleId == null || e.RelationshipId == coupleId), cancellationToken);

        var numbers = await db.Seasons.Select(s => s.Number).OrderBy(n => n).ToListAsync(cancellationToken);
        var previous = numbers.LastOrDefault(n => n < number);
        var next = numbers.FirstOrDefault(n => n > number);
        return TypedResults.Ok(new SeasonDetail(
            season.Number,
            // A season the viewer has not finished has no summary (as on the home page under the shield).
            shield.Hides(new EpisodePoint(number, episodes.Count == 0 ? 1 : episodes.Max(e => e.NumberInSeason))) ? "" : season.Summary,
            [.. episodes.Select(e => EpisodeRef(site, e.Slug, e.Title, number, e.NumberInSeason, e.AirDate))],
            events,
            shield.UpTo?.Code,
            hidden,
            previous == 0 ? null : site.Absolute($"{Prefix}/seasons/{previous}"),
            next == 0 ? null : site.Absolute($"{Prefix}/seasons/{next}"),
            site.Absolute($"{Prefix}/seasons/{number}"),
            site.Absolute($"/seasons/{number}")));
    }

    /// <summary>
    /// The parts of the story (not deleted) that match, in story order, with their citations and mentions, less those
    /// the shield hides (and how many those are).
    /// </summary>
    private static async Task<(List<StoryEventDocument> Events, int Hidden)> EventsAsync(WikiDbContext db, SiteAddress site, SpoilerShield shield, System.Linq.Expressions.Expression<Func<RelationshipEvent, bool>> which, CancellationToken cancellationToken)
    {
        var first = await db.FirstRelationshipIdAsync(cancellationToken);
        var rows = await db.Events.AsNoTracking().Where(e => !e.Deleted).Where(which)
            .OrderBy(e => e.RelationshipId).ThenBy(e => e.Season.Number).ThenBy(e => e.Order)
            .Select(e => new
            {
                e.Id, e.RelationshipId, Relationship = e.Relationship.Slug, Season = e.Season.Number, e.Order, e.Kind, e.BodyMarkdown, e.BodyHtml, e.Revision,
                e.Milestone, e.MilestoneStatus,
                MilestoneEpisode = e.MilestoneEpisode == null ? null : new { e.MilestoneEpisode.Slug, e.MilestoneEpisode.Title, Season = e.MilestoneEpisode.Season.Number, e.MilestoneEpisode.NumberInSeason, e.MilestoneEpisode.AirDate },
                Citations = e.Citations.OrderBy(c => c.Episode.Season.Number).ThenBy(c => c.Episode.NumberInSeason)
                    .Select(c => new { c.Episode.Slug, c.Episode.Title, Season = c.Episode.Season.Number, c.Episode.NumberInSeason, c.Episode.AirDate }).ToList(),
                Mentions = e.Mentions.OrderBy(m => m.Character.Name).Select(m => new { m.Character.Slug, m.Character.Name }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var shown = await shield.ShownEventsAsync(db, rows, e => e.Id, e => e.RelationshipId, cancellationToken);
        return ([.. shown.Select(e => new StoryEventDocument(
            e.Id,
            e.Relationship,
            e.Season,
            e.Order,
            e.Kind,
            e.BodyMarkdown,
            e.BodyHtml ?? "",
            e.Milestone is null ? null : new Milestone(e.Milestone, e.MilestoneStatus, e.MilestoneEpisode is { } m ? EpisodeRef(site, m.Slug, m.Title, m.Season, m.NumberInSeason, m.AirDate) : null),
            [.. e.Citations.Select(c => EpisodeRef(site, c.Slug, c.Title, c.Season, c.NumberInSeason, c.AirDate))],
            [.. e.Mentions.Select(m => CharacterRef(site, m.Slug, m.Name))],
            e.Revision,
            EventPage(site, e.Season, e.RelationshipId == first ? null : e.Relationship, e.Id)))], rows.Count - shown.Count);
    }
}
