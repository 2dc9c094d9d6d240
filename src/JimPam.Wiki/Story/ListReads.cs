using JimPam.Wiki.Caching;
using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Story;

/// <summary>
/// The seasons, as the seasons list and the API's season collection show them: one query. <see cref="SeasonCard.Paragraphs"/>
/// counts the first relationship's story paragraphs (what the list page says a season holds, its story being the
/// first relationship's); <see cref="SeasonCard.Events"/> counts every relationship's events, paragraphs and figures
/// (the API's <c>events</c>).
/// </summary>
public sealed record SeasonListRead(IReadOnlyList<SeasonListRead.SeasonCard> Seasons, IReadOnlyList<string> Tags)
{
    public sealed record SeasonCard(int Id, int Number, string Summary, int Episodes, int Paragraphs, int Events);

    public static async Task<SeasonListRead> LoadAsync(WikiDbContext db, CancellationToken cancellationToken)
    {
        var seasons = await db.Seasons.AsNoTracking()
            .OrderBy(s => s.Number)
            .Select(s => new SeasonCard(
                s.Id,
                s.Number,
                s.Summary,
                s.Episodes.Count(e => !e.Deleted),
                db.Events.Count(e => e.SeasonId == s.Id && db.FirstRelationship.Contains(e.RelationshipId) && e.Kind == EventKind.Paragraph && !e.Deleted),
                db.Events.Count(e => e.SeasonId == s.Id && !e.Deleted)))
            .ToListAsync(cancellationToken);
        return new SeasonListRead(seasons, [CacheTags.EventCounts, CacheTags.EpisodeList, .. seasons.Select(s => CacheTags.Season(s.Id))]);
    }
}

/// <summary>The episodes in broadcast order, with how often the story cites each: the episode list and the API's episode collection. One query.</summary>
public sealed record EpisodeListRead(IReadOnlyList<EpisodeListRead.Item> Episodes, IReadOnlyList<string> Tags)
{
    /// <summary>An episode; <paramref name="Citations"/> counts the parts and recurring jokes that cite it.</summary>
    public sealed record Item(int Season, int Number, string Title, string Slug, DateOnly? AirDate, int Citations);

    public sealed record SeasonGroup(int Number, IReadOnlyList<Item> Episodes);

    /// <summary>The episodes by season.</summary>
    public IReadOnlyList<SeasonGroup> Seasons { get; } = [.. Episodes.GroupBy(e => e.Season).Select(g => new SeasonGroup(g.Key, [.. g]))];

    public static async Task<EpisodeListRead> LoadAsync(WikiDbContext db, CancellationToken cancellationToken) =>
        new(await db.Episodes.AsNoTracking()
            .Where(e => !e.Deleted)
            .InBroadcastOrder()
            .Select(e => new Item(e.Season.Number, e.NumberInSeason, e.Title, e.Slug, e.AirDate,
                db.EventCitations.Count(c => c.EpisodeId == e.Id) + db.JokeCitations.Count(c => c.EpisodeId == e.Id)))
            .ToListAsync(cancellationToken),
            [CacheTags.EpisodeList, CacheTags.CitationCounts]);
}

/// <summary>
/// The characters with how many parts of the story mention each, the most mentioned first (then by name): the
/// character list and the API's character collection, in the same order. One query.
/// </summary>
public sealed record CharacterListRead(IReadOnlyList<CharacterListRead.Item> Characters, IReadOnlyList<string> Tags)
{
    public sealed record Item(string Name, string Slug, string? FullName, string? Actor, int Mentions);

    public static async Task<CharacterListRead> LoadAsync(WikiDbContext db, CancellationToken cancellationToken)
    {
        var items = await db.Characters.AsNoTracking().Where(c => !c.Deleted)
            .OrderByDescending(c => db.EventMentions.Count(m => m.CharacterId == c.Id)).ThenBy(c => c.Name)
            .Select(c => new Item(c.Name, c.Slug, c.FullName, c.Actor, db.EventMentions.Count(m => m.CharacterId == c.Id)))
            .ToListAsync(cancellationToken);
        return new CharacterListRead(items, [CacheTags.CharacterList, CacheTags.MentionCounts]);
    }
}

/// <summary>
/// The relationships with their members and status, first made first: the API's relationship collection, and a
/// character's relationships. Under a shield, each status is the one its last milestone up
/// to the shield's episode gave ("" before the first). Two queries, and the chronology under a shield.
/// </summary>
public sealed record RelationshipListRead(IReadOnlyList<RelationshipListRead.Item> Relationships)
{
    /// <summary>A relationship; <paramref name="Relationship"/> is its address value (null for the wiki's first).</summary>
    public sealed record Item(int Id, string Slug, string Title, string Status, string? Relationship, IReadOnlyList<(string Slug, string Name)> Members);

    /// <summary>Every relationship, or those this character is a member of.</summary>
    public static async Task<RelationshipListRead> LoadAsync(WikiDbContext db, SpoilerShield shield, int? member, CancellationToken cancellationToken)
    {
        var first = await db.FirstRelationshipIdAsync(cancellationToken);
        var rows = await db.Relationships.AsNoTracking()
            .Where(r => member == null || r.Members.Any(m => m.CharacterId == member))
            .OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Slug, r.Title, r.Status,
                Members = r.Members.OrderBy(m => m.Position).Select(m => new { m.Character.Slug, m.Character.Name }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var story = shield.Active && rows.Count > 0 ? await Chronology.LoadAsync(db, [.. rows.Select(r => r.Id)], cancellationToken) : null;
        return new([.. rows.Select(r => new Item(
            r.Id,
            r.Slug,
            r.Title,
            story is null ? r.Status : story.StatusAt(shield.UpTo!.Value, r.Id)?.Status ?? "",
            WikiDbContext.AddressValue(r.Id == first, r.Slug),
            [.. r.Members.Select(m => (m.Slug, m.Name))]))]);
    }
}
