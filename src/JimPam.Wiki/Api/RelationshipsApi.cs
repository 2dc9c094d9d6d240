using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static JimPam.Wiki.Api.WikiApi;

namespace JimPam.Wiki.Api;

/// <summary>/api/v1/relationships: the couples, with their members and status (as of an episode, with asOf).</summary>
public static class RelationshipsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapRead("/", ListAsync).WithName("ListRelationships").WithSummary("Every couple")
            .WithDescription("Each relationship with its members and its status; with asOf, the status as of that episode.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapRead("/{slug}", GetAsync).WithName("GetRelationship").WithSummary("One couple's article")
            .WithDescription("The epigraph, intro, milestones, recurring jokes and behind-the-scenes note of one relationship, as Markdown and HTML. With asOf, what comes after that episode is left out.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<RelationshipList>, ProblemHttpResult>> ListAsync(string? asOf, HttpContext http, WikiDbContext db, WikiAddresses site, CancellationToken cancellationToken)
    {
        var shield = SpoilerShield.OfAsOf(http);

        var ids = await db.Relationships.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        var list = await SummariesAsync(db, site, ids, shield, cancellationToken);
        return TypedResults.Ok(new RelationshipList(list, shield.UpTo?.Code));
    }

    /// <summary>
    /// The summaries of these couples, in this order; under a shield, each with its status as of the shield's episode
    /// (from <paramref name="story"/>, when the caller has read it already).
    /// </summary>
    public static async Task<List<RelationshipSummary>> SummariesAsync(WikiDbContext db, WikiAddresses site, IReadOnlyList<int> ids, SpoilerShield shield, CancellationToken cancellationToken, Chronology? story = null)
    {
        var first = await db.FirstRelationshipIdAsync(cancellationToken);
        var rows = await db.Relationships.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new
            {
                r.Id, r.Slug, r.Title, r.Status,
                Members = r.Members.OrderBy(m => m.Position).Select(m => new { m.Character.Slug, m.Character.Name }).ToList(),
            })
            .ToListAsync(cancellationToken);
        if (shield.Active)
        {
            story ??= await Chronology.LoadAsync(db, ids, cancellationToken);
        }

        return [.. ids.Select(id => rows.Single(r => r.Id == id)).Select(r => new RelationshipSummary(
            r.Slug,
            r.Title,
            // As of the shield's episode: the status the couple's last milestone up to it gave; "" before the first.
            shield.Active ? story!.StatusAt(shield.UpTo!.Value, r.Id)?.Status ?? "" : r.Status,
            [.. r.Members.Select(m => CharacterRef(site, m.Slug, m.Name))],
            site.Api("GetRelationship", new { slug = r.Slug }),
            ArticlePage(site, r.Id == first ? null : r.Slug)))];
    }

    private static async Task<Results<Ok<RelationshipDetail>, ProblemHttpResult>> GetAsync(string slug, string? asOf, HttpContext http, WikiDbContext db, WikiAddresses site, CancellationToken cancellationToken)
    {
        var shield = SpoilerShield.OfAsOf(http);

        var r = await db.Relationships.AsNoTracking().Where(r => r.Slug == slug)
            .Select(r => new
            {
                r.Id, r.Slug, r.Title, r.QuoteText, r.QuoteSpeaker, r.IntroMarkdown, r.IntroHtml, r.BehindTheScenesMarkdown, r.BehindTheScenesHtml,
                Quoted = r.QuoteEpisode == null ? null : new { r.QuoteEpisode.Slug, r.QuoteEpisode.Title, Season = r.QuoteEpisode.Season.Number, r.QuoteEpisode.NumberInSeason, r.QuoteEpisode.AirDate },
                Jokes = r.Jokes.Where(j => !j.Deleted).OrderBy(j => j.Order).Select(j => new
                {
                    j.Id, j.BodyMarkdown, j.BodyHtml, j.Point,
                    Citations = j.Citations.OrderBy(c => c.Episode.Season.Number).ThenBy(c => c.Episode.NumberInSeason)
                        .Select(c => new { c.Episode.Slug, c.Episode.Title, Season = c.Episode.Season.Number, c.Episode.NumberInSeason, c.Episode.AirDate }).ToList(),
                }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (r is null)
        {
            return NotFound(http, $"There is no relationship “{slug}”.");
        }

        var seasons = await db.Events.Where(e => e.RelationshipId == r.Id && !e.Deleted).Select(e => e.Season.Number).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);
        var story = await Chronology.LoadAsync(db, r.Id, cancellationToken);
        var summary = (await SummariesAsync(db, site, [r.Id], shield, cancellationToken, story))[0];
        var hidden = 0;
        var quoteShown = r.Quoted is null || !shield.Hides(new EpisodePoint(r.Quoted.Season, r.Quoted.NumberInSeason));
        hidden += quoteShown ? 0 : 1;
        var jokes = r.Jokes.Where(j => shield.Ordinal is not { } upTo || j.Point <= upTo).ToList();
        hidden += r.Jokes.Count - jokes.Count;
        var milestones = story.Milestones.Where(m => !shield.Hides(m.Point)).ToList();
        hidden += story.Milestones.Count - milestones.Count;
        return TypedResults.Ok(new RelationshipDetail(
            r.Slug,
            r.Title,
            summary.Status,
            summary.Members,
            r.QuoteText.Length == 0 || !quoteShown ? null : new Quote(r.QuoteText, r.QuoteSpeaker, r.Quoted is { } q ? EpisodeRef(site, q.Slug, q.Title, q.Season, q.NumberInSeason, q.AirDate) : null),
            r.IntroMarkdown,
            r.IntroHtml ?? "",
            r.BehindTheScenesMarkdown,
            r.BehindTheScenesHtml ?? "",
            [.. milestones.Select(m => new Milestone(m.Label, m.Status, m.Episode is { } e ? EpisodeRef(site, e.Slug, e.Title, e.Point.Season, e.Point.Number, e.AirDate) : null))],
            [.. jokes.Select(j => new Joke(j.Id, j.BodyMarkdown, j.BodyHtml ?? "", [.. j.Citations.Select(c => EpisodeRef(site, c.Slug, c.Title, c.Season, c.NumberInSeason, c.AirDate))]))],
            [.. seasons.Select(n => site.Api("GetSeason", new { number = n }))],
            shield.UpTo?.Code,
            hidden,
            summary.Link,
            summary.Html));
    }
}
