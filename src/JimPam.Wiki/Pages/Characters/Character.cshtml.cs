using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Characters;

/// <summary>A character: names, actor, and the events that mention them, by season.</summary>
[OutputCache(PolicyName = WikiPagePolicy.Name)]
public class CharacterModel(WikiDbContext db) : PageModel
{
    public CharacterView? Character { get; private set; }

    public int CharacterId { get; private set; }

    public LastEdit? LastEdit { get; private set; }

    /// <summary>How many of the parts that name this character the reader's spoiler shield hides.</summary>
    public int Hidden { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        // "Café-Disco" and "cafe-disco" are one address: a spelling that is not the slug is looked up as its slug.
        var canonical = Slug.From(slug);
        var character = await FindAsync(slug, cancellationToken) ?? (canonical == slug ? null : await FindAsync(canonical, cancellationToken));
        if (character is null)
        {
            // An address the entry had before an editor changed it answers with a permanent redirect to the current one.
            return await RetiredSlugs.CurrentSlugAsync(db, Revision.CharacterType, canonical, cancellationToken) is { } moved
                ? RedirectToPagePermanent("/Characters/Character", new { slug = moved })
                : NotFound();
        }

        if (this.RedirectToCanonical("/Characters/Character", new { slug = character.Slug }) is { } redirect)
        {
            return redirect;
        }

        var mentions = await db.EventMentions.AsNoTracking()
            .Where(m => m.CharacterId == character.Id)
            .OrderBy(m => m.Event.Season.Number).ThenBy(m => m.Event.Order)
            .Select(m => new { m.Event.Id, m.Event.RelationshipId, Couple = m.Event.Relationship.Slug, m.Event.Order, Season = m.Event.Season.Number, m.Event.BodyHtml })
            .ToListAsync(cancellationToken);
        var first = await db.FirstRelationshipIdAsync(cancellationToken);
        var shield = SpoilerShield.Of(HttpContext);
        if (shield.Active && mentions.Count > 0)
        {
            var story = await Chronology.LoadAsync(db, [.. mentions.Select(m => m.RelationshipId).Distinct()], cancellationToken);
            var visible = mentions.Where(m => !shield.HidesEvent(story, m.Id)).ToList();
            Hidden = mentions.Count - visible.Count;
            mentions = visible;
        }

        CharacterId = character.Id;
        HttpContext.Tag([CacheTags.Character(character.Id), .. mentions.Select(m => CacheTags.Event(m.Id))]);
        LastEdit = await LastEdit.OfAsync(db, Revision.CharacterType, character.Id, cancellationToken);
        Character = new CharacterView(
            character.Name,
            character.FullName,
            character.Actor,
            [.. character.Aliases.Where(a => a != character.FullName)],
            [.. mentions.GroupBy(m => m.Season).Select(g => new SeasonMentions(g.Key, [.. g.Select(m => new MentionView(m.Id, m.Order, new HtmlString(m.BodyHtml), m.RelationshipId == first ? null : m.Couple))]))]);
        return Page();
    }

    private Task<Found?> FindAsync(string slug, CancellationToken cancellationToken) =>
        db.Characters.AsNoTracking()
            .Where(c => c.Slug == slug && !c.Deleted)
            .Select(c => new Found(c.Id, c.Name, c.Slug, c.FullName, c.Actor, c.Aliases.Select(a => a.Name).ToList()))
            .FirstOrDefaultAsync(cancellationToken);

    private sealed record Found(int Id, string Name, string Slug, string? FullName, string? Actor, List<string> Aliases);

    public sealed record CharacterView(string Name, string? FullName, string? Actor, IReadOnlyList<string> Aliases, IReadOnlyList<SeasonMentions> Seasons);

    public sealed record SeasonMentions(int Season, IReadOnlyList<MentionView> Events);

    /// <summary>A part that names the character; <paramref name="Couple"/> is its couple's slug, or null for the wiki's first couple.</summary>
    public sealed record MentionView(int EventId, int Order, IHtmlContent Body, string? Couple);
}
