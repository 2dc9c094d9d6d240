using System.Text.Json;
using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.History;

/// <summary>The revisions of one entry of any kind, and the field-by-field change between two of them.</summary>
public static class EntryHistory
{
    /// <summary>The kinds of entry that keep a history, as they appear in its address (/history/{type}/{id}).</summary>
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal)
    {
        Revision.EventType, Revision.EpisodeType, Revision.CharacterType, Revision.RelationshipType, Revision.SeasonType, Revision.JokeType,
    };

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["BodyMarkdown"] = "Text",
        ["Kind"] = "Kind",
        ["ImageSlot"] = "Image",
        ["SeasonId"] = "Season (id)",
        ["Order"] = "Place in the season",
        ["Deleted"] = "Deleted",
        ["Title"] = "Title",
        ["Slug"] = "Address",
        ["Season"] = "Season",
        ["NumberInSeason"] = "Number in the season",
        ["AirDate"] = "Air date",
        ["Aliases"] = "Other names",
        ["Name"] = "Name",
        ["FullName"] = "Full name",
        ["Actor"] = "Played by",
        ["Status"] = "Status",
        ["QuoteText"] = "Epigraph",
        ["QuoteSpeaker"] = "Epigraph spoken by",
        ["QuoteEpisode"] = "Epigraph episode",
        ["Intro"] = "Intro",
        ["BehindTheScenes"] = "Behind the scenes",
        ["Members"] = "Members",
        ["Summary"] = "Summary",
        ["Body"] = "Text",
        ["Position"] = "Place in the list",
        ["Milestone"] = "Milestone",
        ["MilestoneStatus"] = "Status from then on",
        ["MilestoneEpisodeId"] = "Milestone episode (id)",
        ["ImageId"] = "Picture (id)",
        ["ImageAlt"] = "Alt text",
        ["ImageCredit"] = "Picture credit",
    };

    /// <summary>
    /// What the entry is now, or null when there is no such entry: what to call it (a part of the story or a joke with
    /// its relationship's title) and where readers find it, from the address book, on its own relationship's pages.
    /// </summary>
    public static async Task<EntryHeading?> HeadingAsync(WikiDbContext db, WikiAddresses addresses, string type, int id, CancellationToken cancellationToken)
    {
        switch (type)
        {
            case Revision.EventType:
                var item = await db.Events.AsNoTracking().Where(e => e.Id == id)
                    .Select(e => new { e.Order, Season = e.Season.Number, e.Revision, e.Deleted, e.Relationship.Title, e.Relationship.Slug, First = db.FirstRelationship.Contains(e.RelationshipId) })
                    .FirstOrDefaultAsync(cancellationToken);
                return item is null ? null : new EntryHeading(
                    type, id, $"paragraph {item.Order} of Season {item.Season} of “{item.Title}”",
                    addresses.Event(item.Season, WikiDbContext.AddressValue(item.First, item.Slug), id), item.Revision, item.Deleted);
            case Revision.EpisodeType:
                var episode = await db.Episodes.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.Title, e.Slug, e.Revision, e.Deleted }).FirstOrDefaultAsync(cancellationToken);
                return episode is null ? null : new EntryHeading(type, id, episode.Title, addresses.Episode(episode.Slug), episode.Revision, episode.Deleted);
            case Revision.CharacterType:
                var character = await db.Characters.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Name, c.Slug, c.Revision, c.Deleted }).FirstOrDefaultAsync(cancellationToken);
                return character is null ? null : new EntryHeading(type, id, character.Name, addresses.Character(character.Slug), character.Revision, character.Deleted);
            case Revision.RelationshipType:
                var relationship = await db.Relationships.AsNoTracking().Where(r => r.Id == id)
                    .Select(r => new { r.Title, r.Slug, r.Revision, First = db.FirstRelationship.Contains(r.Id) }).FirstOrDefaultAsync(cancellationToken);
                return relationship is null ? null : new EntryHeading(
                    type, id, $"the article “{relationship.Title}”", addresses.Article(WikiDbContext.AddressValue(relationship.First, relationship.Slug)), relationship.Revision, false);
            case Revision.SeasonType:
                var season = await db.Seasons.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Number, s.Revision }).FirstOrDefaultAsync(cancellationToken);
                return season is null ? null : new EntryHeading(type, id, $"the summary of Season {season.Number}", addresses.Season(season.Number), season.Revision, false);
            case Revision.JokeType:
                var joke = await db.Jokes.AsNoTracking().Where(j => j.Id == id)
                    .Join(db.Relationships, j => j.RelationshipId, r => r.Id, (j, r) => new { j.Order, j.Revision, j.Deleted, r.Title, r.Slug, First = db.FirstRelationship.Contains(r.Id) })
                    .FirstOrDefaultAsync(cancellationToken);
                return joke is null ? null : new EntryHeading(
                    type, id, $"recurring joke {joke.Order} of “{joke.Title}”", addresses.Joke(WikiDbContext.AddressValue(joke.First, joke.Slug), id), joke.Revision, joke.Deleted);
            default:
                return null;
        }
    }

    public static Task<List<RevisionRow>> RevisionsAsync(WikiDbContext db, string type, int id, CancellationToken cancellationToken) =>
        db.Revisions.AsNoTracking()
            .Where(r => r.EntityType == type && r.EntityId == id)
            .OrderByDescending(r => r.Number)
            .Select(r => new RevisionRow(r.Number, r.Author, r.SavedAt, r.Summary, r.SnapshotJson))
            .ToListAsync(cancellationToken);

    /// <summary>Each field that differs between two snapshots, with a word diff of its value.</summary>
    public static IReadOnlyList<FieldDiff> Compare(string beforeJson, string afterJson)
    {
        var before = Fields(beforeJson);
        var after = Fields(afterJson);
        return [.. before.Keys.Union(after.Keys)
            .Select(name => (name, old: before.GetValueOrDefault(name, ""), now: after.GetValueOrDefault(name, "")))
            .Where(f => f.old != f.now)
            .Select(f => new FieldDiff(Labels.GetValueOrDefault(f.name, f.name), RevisionDiff.Words(f.old, f.now)))];
    }

    private static Dictionary<string, string> Fields(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Text(p.Value), StringComparer.Ordinal);
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "",
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Array => string.Join("\n", value.EnumerateArray().Select(Text)),
        _ => value.GetRawText(),
    };

    /// <summary>The entry as it is now: what to call it, where readers find it, and its current revision.</summary>
    public sealed record EntryHeading(string Type, int Id, string Name, string Address, int Revision, bool Deleted);

    public sealed record RevisionRow(int Number, string Author, DateTimeOffset SavedAt, string Summary, string SnapshotJson);

    public sealed record FieldDiff(string Field, IReadOnlyList<DiffSegment> Segments);
}
