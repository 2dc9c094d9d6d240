using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Http.HttpResults;
using static JimPam.Wiki.Api.WikiApi;

namespace JimPam.Wiki.Api;

/// <summary>/api/v1/episodes: the catalogue, and each episode with the events that cite it.</summary>
public static class EpisodesApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapRead("/", ListAsync).WithName("ListEpisodes").WithSummary("Every episode")
            .WithDescription("The catalogue in broadcast order, with air dates (ISO 8601).");
        group.MapRead("/{slug}", GetAsync).WithName("GetEpisode").WithSummary("One episode with its citing events")
            .WithDescription("An episode, its other titles, and every event that cites it, in the order of the episode's page (which shows them 20 at a time, with p=). With asOf, events that happen after that episode are left out. An address the episode had before it was renamed, or another spelling of its slug, answers 301 with the current address, as the page does.")
            .Produces(StatusCodes.Status301MovedPermanently)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<EpisodeList>> ListAsync(WikiDbContext db, WikiAddresses site, CancellationToken cancellationToken)
    {
        var list = await EpisodeListRead.LoadAsync(db, cancellationToken);
        return TypedResults.Ok(new EpisodeList([.. list.Episodes.Select(e => EpisodeRef(site, e.Slug, e.Title, e.Season, e.Number, e.AirDate))]));
    }

    private static async Task<Results<Ok<EpisodeDetail>, RedirectHttpResult, ProblemHttpResult>> GetAsync(string slug, string? asOf, HttpContext http, WikiDbContext db, WikiAddresses site, CancellationToken cancellationToken)
    {
        var shield = SpoilerShield.OfAsOf(http);
        var e = await EpisodeRead.LoadAsync(db, slug, shield, new EpisodeRead.Ask(WithMarkdown: true), cancellationToken);
        if (e is null)
        {
            return await MovedAsync(http, db, site, Revision.EpisodeType, slug, "GetEpisode", cancellationToken) is { } moved
                ? moved
                : NotFound(http, $"There is no episode “{slug}”.");
        }

        return TypedResults.Ok(new EpisodeDetail(
            e.Slug, e.Title, e.Season, e.Number, e.AirDate, e.Aliases,
            [.. e.Citings.Select(c => Citing(site, c.Id, c.RelationshipSlug, c.Relationship, c.Season, c.Markdown, c.Body))],
            shield.UpTo?.Code, e.Hidden,
            site.Api("GetEpisode", new { slug = e.Slug }), site.Absolute(site.Episode(e.Slug))));
    }
}
