using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Media;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Http.HttpResults;
using static JimPam.Wiki.Api.WikiApi;

namespace JimPam.Wiki.Api;

/// <summary>/api/v1/seasons: the seasons, and each season's events of every relationship.</summary>
public static class SeasonsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapRead("/", ListAsync).WithName("ListSeasons").WithSummary("Every season")
            .WithDescription("Each season with its number of episodes and of events.");
        group.MapRead("/{number:int}", GetAsync).WithName("GetSeason").WithSummary("One season with its events")
            .WithDescription("The season's episodes and every event told in it (of every relationship, or of one with relationship=slug), each as Markdown and HTML with the episodes it cites and the characters it mentions, in the order of the season's page. The page shows at most 200 events (the first relationship's, then the others' in turn) and links each relationship left over to a page of its own (relationship=slug); this resource gives them all. With asOf, events that happen after that episode are left out.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<SeasonList>> ListAsync(WikiDbContext db, WikiAddresses site, CancellationToken cancellationToken)
    {
        var list = await SeasonListRead.LoadAsync(db, cancellationToken);
        return TypedResults.Ok(new SeasonList([.. list.Seasons.Select(s => new SeasonSummary(s.Number, s.Episodes, s.Events, site.Api("GetSeason", new { number = s.Number }), site.Absolute(site.Season(s.Number))))]));
    }

    private static FigureImageDocument ImageDocument(WikiAddresses site, FigurePicture picture, string caption) => new(
        picture.Alt,
        picture.Credit,
        caption,
        picture.Width,
        picture.Height,
        site.Absolute(site.Media(picture.Original)),
        [.. picture.Variants.Select(v => new ImageFileDocument(site.Absolute(site.Media(v.Name)), MediaStore.ContentTypeOf(v.Name), v.Width, v.Height, v.Length))]);

    private static async Task<Results<Ok<SeasonDetail>, ProblemHttpResult>> GetAsync(int number, string? asOf, string? relationship, HttpContext http, WikiDbContext db, WikiAddresses site, CancellationToken cancellationToken)
    {
        var shield = SpoilerShield.OfAsOf(http);
        var season = await SeasonRead.LoadAsync(db, number, shield, new SeasonRead.Ask(relationship, WithSources: true), cancellationToken);
        if (season is null)
        {
            return NotFound(http, await SeasonRead.WhyMissingAsync(db, number, relationship, cancellationToken));
        }

        var sources = season.Sources!;
        return TypedResults.Ok(new SeasonDetail(
            season.Number,
            // A season the viewer has not finished has no summary (as on the home page under the shield).
            season.Finished ? season.Summary : "",
            [.. sources.Episodes.Select(e => EpisodeRef(site, e))],
            [.. season.Groups.SelectMany(g => g.Events.Select(p => new EventDocument(
                p.Id,
                g.RelationshipSlug,
                season.Number,
                p.Order,
                p.Kind,
                sources.Markdown[p.Id],
                p.Body?.ToString() ?? "",
                p.Milestone is { } m ? new Milestone(m.Label, m.Status, sources.MilestoneEpisodes.TryGetValue(p.Id, out var at) ? EpisodeRef(site, at) : null) : null,
                [.. sources.Citations[p.Id].Select(e => EpisodeRef(site, e))],
                [.. sources.Mentions[p.Id].Select(c => CharacterRef(site, c.Slug, c.Name))],
                p.Revision,
                EventPage(site, season.Number, g.Slug, p.Id),
                p.Picture is { } picture ? ImageDocument(site, picture, sources.Markdown[p.Id]) : null)))],
            shield.UpTo?.Code,
            season.Hidden,
            season.Previous is { } previous ? site.Api("GetSeason", new { number = previous }) : null,
            season.Next is { } next ? site.Api("GetSeason", new { number = next }) : null,
            site.Api("GetSeason", new { number }),
            site.Absolute(site.Season(number))));
    }
}
