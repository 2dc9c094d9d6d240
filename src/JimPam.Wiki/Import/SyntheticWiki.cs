using System.Text;
using System.Text.RegularExpressions;
using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Import;

/// <summary>
/// Grows a wiki with made-up relationships for the scale benchmark (<c>generate --relationships 100 --events 100000 --into
/// wiki.db</c>): each new relationship gets two new characters and its share of the events, spread over the
/// seasons, with paragraphs as long as the source article's, worded from its vocabulary, citing episodes of their
/// season and naming the relationship. Everything is written through <see cref="EntryWriter"/>, as editors' forms would
/// write it (every fourth event is edited once after it is created), in batches: the new characters in one, then each
/// relationship in one. The same arguments make the same wiki.
/// </summary>
public sealed partial class SyntheticWiki(WikiDbContext db, EntryWriter writer)
{
    public const string Author = "generator";

    private static readonly string[] FirstNames =
    [
        "Avery", "Blair", "Casey", "Dana", "Emery", "Finley", "Greer", "Harper", "Indigo", "Jules", "Kendall", "Logan",
        "Marlow", "Noel", "Oakley", "Parker", "Quinn", "Reese", "Sawyer", "Tatum", "Umber", "Vale", "Wren", "Xen",
    ];

    private static readonly string[] LastNames =
    [
        "Abernathy", "Blackwood", "Castellano", "Dunmore", "Ellsworth", "Fairbanks", "Galloway", "Hollister", "Ingram",
        "Jablonski", "Kowalczyk", "Lindqvist", "Montrose", "Northcott", "Okonkwo", "Pemberton", "Quintero", "Rasmussen",
    ];

    /// <summary>
    /// Adds relationships and events until the wiki has the totals asked for; each relationship is one transaction.
    /// <paramref name="progress"/> hears how many of the new relationships are done, of how many, after each.
    /// </summary>
    public async Task<(int Relationships, int Events)> GrowAsync(int relationships, int events, Action<int, int> progress, CancellationToken cancellationToken)
    {
        var haveRelationships = await db.Relationships.CountAsync(cancellationToken);
        var haveEvents = await db.Events.CountAsync(cancellationToken);
        if (relationships < haveRelationships || events < haveEvents)
        {
            throw new InvalidOperationException($"the wiki already has {haveRelationships} relationship(s) and {haveEvents} event(s); the totals asked for are smaller");
        }

        var newRelationships = relationships - haveRelationships;
        var newEvents = events - haveEvents;
        if (newRelationships == 0 && newEvents > 0)
        {
            throw new InvalidOperationException("new events need new relationships to belong to: ask for more relationships");
        }

        var random = new Random(relationships * 31 + events);
        var samples = await db.Events.AsNoTracking().Where(e => e.Kind == EventKind.Paragraph && !e.Deleted).Select(e => e.BodyMarkdown).ToListAsync(cancellationToken);
        var lengths = samples.Select(s => s.Length).DefaultIfEmpty(400).ToArray();
        // Lower-case words only, and none that is part of a character's name: a made-up paragraph names its own relationship, no one else.
        var nameWords = (await db.Characters.Select(c => c.Name).Concat(db.CharacterAliases.Select(a => a.Name)).ToListAsync(cancellationToken))
            .SelectMany(n => n.Split(' ')).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var vocabulary = samples.SelectMany(s => Word().Matches(Citation().Replace(s, " ")).Select(m => m.Value))
            .Where(w => !nameWords.Contains(w)).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (vocabulary.Length == 0)
        {
            vocabulary = ["the", "office", "day", "talk", "later", "again"];
        }

        var seasons = await db.Seasons.AsNoTracking().OrderBy(s => s.Number)
            .Select(s => new SeasonEpisodes(s.Number, s.Episodes.Where(e => !e.Deleted).OrderBy(e => e.NumberInSeason).Select(e => e.Title).ToList()))
            .ToListAsync(cancellationToken);
        var taken = (await db.Characters.Select(c => c.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var names = FirstNames.SelectMany(first => LastNames.Select(last => $"{first} {last}")).Where(n => !taken.Contains(Slug.From(n))).OrderBy(_ => random.Next()).ToList();
        if (names.Count < newRelationships * 2)
        {
            throw new InvalidOperationException($"at most {names.Count / 2} made-up relationships can be added");
        }

        // The new characters first, in one batch: the bodies already stored are rendered against them once, not once each.
        var characters = await writer.BatchAsync(
            async ct =>
            {
                var created = new List<Character>();
                foreach (var name in names.Take(newRelationships * 2))
                {
                    var fields = new CharacterSnapshot(name, Slug.From(name), null, $"{name.Split(' ')[0]} Actor", []);
                    var saved = Saved(await writer.SaveCharacterAsync(null, 0, fields, Author, "Generated", ct), name);
                    created.Add(new Character { Id = saved.Id, Name = name });
                }

                return created;
            },
            deferRendering: true,
            cancellationToken);

        for (var r = 0; r < newRelationships; r++)
        {
            var count = newEvents / newRelationships + (r < newEvents % newRelationships ? 1 : 0);
            var members = characters.Skip(2 * r).Take(2).ToList();
            await writer.BatchAsync(ct => AddRelationshipAsync(members, count, seasons, random, vocabulary, lengths, ct), deferRendering: true, cancellationToken);
            progress(r + 1, newRelationships);
        }

        return (await db.Relationships.CountAsync(cancellationToken), await db.Events.CountAsync(cancellationToken));
    }

    private async Task<int> AddRelationshipAsync(List<Character> members, int events, IReadOnlyList<SeasonEpisodes> seasons, Random random, string[] vocabulary, int[] lengths, CancellationToken cancellationToken)
    {
        var (first, second) = (members[0].Name, members[1].Name);
        var fields = new RelationshipSnapshot($"{first} and {second}", "Together", "", "", null, $"{first} and {second} are a made-up couple of the scale benchmark.", "", [first, second]);
        var relationshipId = Saved(await writer.SaveRelationshipAsync(null, 0, fields, Author, "Generated", cancellationToken), fields.Title).Id;

        var places = new Dictionary<int, int>();
        for (var i = 0; i < events; i++)
        {
            var season = seasons[(int)((long)i * seasons.Count / events)];
            var body = Paragraph(random, vocabulary, lengths[random.Next(lengths.Length)], members, season.Episodes);

            // Every fourth paragraph was edited once: its first version lacked the last sentence.
            var draft = i % 4 == 3 && body.LastIndexOf(". ", StringComparison.Ordinal) is > 0 and var cut ? body[..(cut + 1)] : null;
            var place = new EventPlace(season.Number, places[season.Number] = places.GetValueOrDefault(season.Number) + 1);
            var created = Saved(await writer.CreateEventAsync(new EventDraft(place, EventKind.Paragraph, null, draft ?? body, "Generated", null, relationshipId), Author, cancellationToken), fields.Title);
            if (draft is not null)
            {
                Saved(await writer.SaveEventAsync(new EventEdit(created.Id, created.Revision, body, "Added a sentence"), Author, cancellationToken), fields.Title);
            }

        }

        return relationshipId;
    }

    private static EntrySaveResult.Saved Saved(EntrySaveResult result, string what) =>
        result as EntrySaveResult.Saved ?? throw new InvalidOperationException($"the writer refused {what}: {result}");

    /// <summary>Sentences of source words, about as long as a paragraph of the source, naming the relationship and citing episodes of the season.</summary>
    private static string Paragraph(Random random, string[] vocabulary, int length, List<Character> members, IReadOnlyList<string> episodes)
    {
        var text = new StringBuilder(length + 64);
        while (text.Length < length)
        {
            var words = Enumerable.Range(0, random.Next(8, 20)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToList();
            words.Insert(random.Next(words.Count), members[random.Next(members.Count)].Name);
            var sentence = string.Join(' ', words);
            text.Append(char.ToUpperInvariant(sentence[0])).Append(sentence, 1, sentence.Length - 1);
            if (episodes.Count > 0 && random.Next(3) == 0)
            {
                text.Append(" ([[").Append(episodes[random.Next(episodes.Count)]).Append("]])");
            }

            text.Append(". ");
        }

        return text.ToString().TrimEnd();
    }

    private sealed record SeasonEpisodes(int Number, IReadOnlyList<string> Episodes);

    [GeneratedRegex(@"\[\[[^\]]*\]\]|\([^)]*\)")]
    private static partial Regex Citation();

    [GeneratedRegex(@"\b[a-z]{3,}\b")]
    private static partial Regex Word();
}
