using JimPam.Wiki.Caching;
using JimPam.Wiki.Data;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Story;

/// <summary>
/// A character as a reader at a point may see them: names, actor, and the parts of the story that mention them, by
/// season. The character page and the API's character resource both read it; the spoiler shield is applied in the
/// queries. Two round trips.
/// </summary>
public sealed record CharacterRead(
    int Id,
    string Name,
    string Slug,
    string? FullName,
    string? Actor,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<CharacterRead.Mention> Mentions,
    int Hidden,
    LastEdit? LastEdit,
    IReadOnlyList<string> Tags)
{
    /// <summary>A part of the story that names the character; <paramref name="Relationship"/> is its relationship's address value, null for the wiki's first.</summary>
    public sealed record Mention(int Id, int RelationshipId, string RelationshipSlug, string? Relationship, int Season, int Order, IHtmlContent Body, string? Markdown);

    public sealed record SeasonMentions(int Season, IReadOnlyList<Mention> Events);

    /// <summary>The other names the character goes by (the full name has a line of its own).</summary>
    public IReadOnlyList<string> OtherNames { get; } = [.. Aliases.Where(a => a != FullName)];

    /// <summary>The mentions, by season.</summary>
    public IReadOnlyList<SeasonMentions> Seasons { get; } = [.. Mentions.GroupBy(m => m.Season).Select(g => new SeasonMentions(g.Key, [.. g]))];

    /// <summary>The character with this slug as <paramref name="shield"/> lets its reader see them, or null when there is none.</summary>
    public static async Task<CharacterRead?> LoadAsync(WikiDbContext db, string slug, SpoilerShield shield, bool withMarkdown, CancellationToken cancellationToken)
    {
        var upTo = shield.Ordinal;

        // 1. The character, and how many parts name them, in all and as the reader may see them.
        var head = await db.Characters.AsNoTracking()
            .Where(c => c.Slug == slug && !c.Deleted)
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.Slug,
                c.FullName,
                c.Actor,
                Aliases = c.Aliases.Select(a => a.Name).ToList(),
                Mentions = db.EventMentions.Count(m => m.CharacterId == c.Id && !m.Event.Deleted),
                EditAuthor = c.EditedBy,
                EditAt = c.EditedAt,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        // 2. The parts that name them, as the reader may see them, in story order.
        var mentions = await db.EventMentions.AsNoTracking()
            .Where(m => m.CharacterId == head.Id && !m.Event.Deleted && (upTo == null || m.Event.Point <= upTo))
            .OrderBy(m => m.Event.Season.Number).ThenBy(m => m.Event.Order).ThenBy(m => m.Event.RelationshipId)
            .Select(m => new Mention(
                m.Event.Id,
                m.Event.RelationshipId,
                m.Event.Relationship.Slug,
                WikiDbContext.AddressValue(db.FirstRelationship.Contains(m.Event.RelationshipId), m.Event.Relationship.Slug),
                m.Event.Season.Number,
                m.Event.Order,
                new HtmlString(m.Event.BodyHtml),
                withMarkdown ? m.Event.BodyMarkdown : null))
            .ToListAsync(cancellationToken);

        return new CharacterRead(
            head.Id,
            head.Name,
            head.Slug,
            head.FullName,
            head.Actor,
            head.Aliases,
            mentions,
            head.Mentions - mentions.Count,
            head.EditAuthor is null ? null : new LastEdit(head.EditAuthor, head.EditAt!.Value, Revision.CharacterType, head.Id),
            [CacheTags.Character(head.Id), .. mentions.Select(m => CacheTags.Event(m.Id))]);
    }
}
