using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Http.HttpResults;
using static JimPam.Wiki.Api.WikiApi;

namespace JimPam.Wiki.Api;

/// <summary>/api/v1/characters: the people of the story, and each one's relationships and mentions.</summary>
public static class CharactersApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapRead("/", ListAsync).WithName("ListCharacters").WithSummary("Every character")
            .WithDescription("Each character with full name, actor and how many events mention it, the most mentioned first (then by name), as on the characters page.");
        group.MapRead("/{slug}", GetAsync).WithName("GetCharacter").WithSummary("One character with relationships and mentions")
            .WithDescription("A character, the names it also goes by, its relationships, and every event that mentions it. With asOf, events that happen after that episode are left out. An address the character had before it was renamed, or another spelling of its slug, answers 301 with the current address, as the page does.")
            .Produces(StatusCodes.Status301MovedPermanently)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<CharacterList>> ListAsync(WikiDbContext db, WikiAddresses site, CancellationToken cancellationToken)
    {
        var list = await CharacterListRead.LoadAsync(db, cancellationToken);
        return TypedResults.Ok(new CharacterList([.. list.Characters.Select(c => new CharacterSummary(
            c.Slug, c.Name, c.FullName, c.Actor, site.Api("GetCharacter", new { slug = c.Slug }), site.Absolute(site.Character(c.Slug)), c.Mentions))]));
    }

    private static async Task<Results<Ok<CharacterDetail>, RedirectHttpResult, ProblemHttpResult>> GetAsync(string slug, string? asOf, HttpContext http, WikiDbContext db, WikiAddresses site, CancellationToken cancellationToken)
    {
        var shield = SpoilerShield.OfAsOf(http);
        var c = await CharacterRead.LoadAsync(db, slug, shield, withMarkdown: true, cancellationToken);
        if (c is null)
        {
            return await MovedAsync(http, db, site, Revision.CharacterType, slug, "GetCharacter", cancellationToken) is { } moved
                ? moved
                : NotFound(http, $"There is no character “{slug}”.");
        }

        var relationships = await RelationshipListRead.LoadAsync(db, shield, member: c.Id, cancellationToken);
        return TypedResults.Ok(new CharacterDetail(
            c.Slug, c.Name, c.FullName, c.Actor, c.Aliases,
            RelationshipsApi.Summaries(site, relationships),
            [.. c.Mentions.Select(m => Citing(site, m.Id, m.RelationshipSlug, m.Relationship, m.Season, m.Markdown, m.Body))],
            shield.UpTo?.Code, c.Hidden,
            site.Api("GetCharacter", new { slug = c.Slug }), site.Absolute(site.Character(c.Slug))));
    }
}
