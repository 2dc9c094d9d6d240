using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Http.HttpResults;
using static JimPam.Wiki.Api.WikiApi;

namespace JimPam.Wiki.Api;

/// <summary>/api/v1/relationships: the relationships, with their members and status (as of an episode, with asOf).</summary>
public static class RelationshipsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapRead("/", ListAsync).WithName("ListRelationships").WithSummary("Every relationship")
            .WithDescription("Each relationship with its members and its status; with asOf, the status as of that episode.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapRead("/{slug}", GetAsync).WithName("GetRelationship").WithSummary("One relationship's article")
            .WithDescription("The epigraph, intro, milestones, recurring jokes and behind-the-scenes note of one relationship, as Markdown and HTML. With asOf, what comes after that episode is left out.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapRead("/{slug}/timeline", TimelineAsync).WithName("GetTimeline").WithSummary("One relationship's timeline")
            .WithDescription("The relationship's story in time, as its timeline page draws it: the seasons with events, every event at the episode from which it is no spoiler (with that episode's air date), and the milestones in the order they happen, with the status each sets. With asOf, what comes after that episode is left out, and status is the status as of that episode.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<TimelineDocument>, ProblemHttpResult>> TimelineAsync(string slug, string? asOf, HttpContext http, WikiDbContext db, WikiAddresses site, CancellationToken cancellationToken)
    {
        var shield = SpoilerShield.OfAsOf(http);
        if (await TimelineRead.LoadAsync(db, slug, shield, cancellationToken) is not { } read)
        {
            return NotFound(http, $"There is no relationship “{slug}”.");
        }

        return TypedResults.Ok(new TimelineDocument(
            read.Slug,
            read.Title,
            // As of the shield's episode: the status the last milestone up to it gave; "" before the first.
            read.UpTo is null ? read.Status : read.StatusNow ?? "",
            [.. read.Seasons.Select(s => new TimelineSeason(s.Number, s.Start, s.End, read.Events.Count(e => e.Season == s.Number), site.Api("GetSeason", new { number = s.Number })))],
            [.. read.Events.Select(e => new TimelineEvent(e.Id, e.Season, e.Order, e.Kind, e.Point.Code, e.Date, EventPage(site, e.Season, read.Relationship, e.Id)))],
            [.. read.Milestones.Select(m => new TimelineMilestone(m.EventId, m.Label, m.Status, m.Point.Code, m.Date, m.Episode is { } e ? EpisodeRef(site, e) : null, EventPage(site, m.Season, read.Relationship, m.EventId)))],
            shield.UpTo?.Code,
            read.Hidden,
            site.Api("GetTimeline", new { slug = read.Slug }),
            site.Absolute(site.Timeline(read.Relationship))));
    }

    private static async Task<Results<Ok<RelationshipList>, ProblemHttpResult>> ListAsync(string? asOf, HttpContext http, WikiDbContext db, WikiAddresses site, CancellationToken cancellationToken)
    {
        var shield = SpoilerShield.OfAsOf(http);
        var list = await RelationshipListRead.LoadAsync(db, shield, member: null, cancellationToken);
        return TypedResults.Ok(new RelationshipList(Summaries(site, list), shield.UpTo?.Code));
    }

    /// <summary>The relationships of a list read, as the API's summaries.</summary>
    public static List<RelationshipSummary> Summaries(WikiAddresses site, RelationshipListRead list) =>
        [.. list.Relationships.Select(r => new RelationshipSummary(
            r.Slug,
            r.Title,
            r.Status,
            [.. r.Members.Select(m => CharacterRef(site, m.Slug, m.Name))],
            site.Api("GetRelationship", new { slug = r.Slug }),
            ArticlePage(site, r.Relationship)))];

    private static async Task<Results<Ok<RelationshipDetail>, ProblemHttpResult>> GetAsync(string slug, string? asOf, HttpContext http, WikiDbContext db, WikiAddresses site, CancellationToken cancellationToken)
    {
        var shield = SpoilerShield.OfAsOf(http);
        if (await ArticleRead.LoadAsync(db, slug, shield, cancellationToken, withSources: true) is not { Source: { } source } article)
        {
            return NotFound(http, $"There is no relationship “{slug}”.");
        }

        return TypedResults.Ok(new RelationshipDetail(
            article.Slug,
            article.Title,
            // As of the shield's episode: the status the relationship's last milestone up to it gave; "" before the first.
            shield.Active ? article.AsOf?.Since?.Status ?? "" : article.Status,
            [.. article.Members.Select(m => CharacterRef(site, m.Slug, m.Name))],
            article.Epigraph is { } q ? new Quote(q.Text, q.Speaker, q.Episode is { } e ? EpisodeRef(site, e) : null) : null,
            article.IntroMarkdown,
            article.Intro.ToString() ?? "",
            article.BehindTheScenesMarkdown,
            article.BehindTheScenes?.ToString() ?? "",
            [.. source.Milestones.Select(m => new Milestone(m.Label, m.Status, m.Episode is { } e ? EpisodeRef(site, e) : null))],
            [.. source.Jokes.Select(j => new Joke(j.Id, j.Markdown, j.Html, [.. j.Citations.Select(c => EpisodeRef(site, c))]))],
            [.. article.Seasons.Select(s => site.Api("GetSeason", new { number = s.Number }))],
            shield.UpTo?.Code,
            source.Hidden,
            site.Api("GetRelationship", new { slug = article.Slug }),
            ArticlePage(site, article.Relationship)));
    }
}
