using System.Text;
using System.Text.RegularExpressions;
using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Import;

/// <summary>
/// Grows a wiki with made-up couples for the scale benchmark (<c>generate --relationships 100 --events 100000 --into
/// wiki.db</c>): each new relationship gets two new characters and its share of the events, spread over the
/// seasons, with paragraphs as long as the source article's, worded from its vocabulary, citing episodes of their
/// season and naming the couple, rendered and stored through <see cref="StoredBodies"/> like any save, and with
/// revisions (every fourth event has been edited once). The same arguments make the same wiki.
/// </summary>
public sealed partial class SyntheticWiki(WikiDbContext db, StoredBodies bodies, TimeProvider clock)
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
        // Lower-case words only, and none that is part of a character's name: a made-up paragraph names its own couple, no one else.
        var nameWords = (await db.Characters.Select(c => c.Name).Concat(db.CharacterAliases.Select(a => a.Name)).ToListAsync(cancellationToken))
            .SelectMany(n => n.Split(' ')).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var vocabulary = samples.SelectMany(s => Word().Matches(Citation().Replace(s, " ")).Select(m => m.Value))
            .Where(w => !nameWords.Contains(w)).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (vocabulary.Length == 0)
        {
            vocabulary = ["the", "office", "day", "talk", "later", "again"];
        }

        var seasons = await db.Seasons.AsNoTracking().OrderBy(s => s.Number)
            .Select(s => new SeasonEpisodes(s.Id, s.Episodes.Where(e => !e.Deleted).OrderBy(e => e.NumberInSeason).Select(e => e.Title).ToList()))
            .ToListAsync(cancellationToken);
        var taken = (await db.Characters.Select(c => c.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var names = FirstNames.SelectMany(first => LastNames.Select(last => $"{first} {last}")).Where(n => !taken.Contains(Slug.From(n))).OrderBy(_ => random.Next()).ToList();
        if (names.Count < newRelationships * 2)
        {
            throw new InvalidOperationException($"at most {names.Count / 2} made-up couples can be added");
        }

        for (var r = 0; r < newRelationships; r++)
        {
            var count = newEvents / newRelationships + (r < newEvents % newRelationships ? 1 : 0);
            await AddRelationshipAsync(names[2 * r], names[2 * r + 1], count, seasons, random, vocabulary, lengths, cancellationToken);
            progress(r + 1, newRelationships);
        }

        return (await db.Relationships.CountAsync(cancellationToken), await db.Events.CountAsync(cancellationToken));
    }

    private async Task AddRelationshipAsync(string first, string second, int events, IReadOnlyList<SeasonEpisodes> seasons, Random random, string[] vocabulary, int[] lengths, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var members = new[] { first, second }.Select(name => new Character { Name = name, Slug = Slug.From(name), Actor = $"{name.Split(' ')[0]} Actor", Revision = 1 }).ToList();
        db.Characters.AddRange(members);
        await db.SaveChangesAsync(cancellationToken);
        db.Revisions.AddRange(members.Select(c => EntryWriter.ImportRevision(c, at)));

        var links = await LinkContext.LoadAsync(db, cancellationToken);
        var title = $"{first} and {second}";
        var relationship = new Relationship
        {
            Title = title,
            Slug = Slug.From(title),
            Status = "Together",
            Revision = 1,
            Members = [.. members.Select((c, i) => new RelationshipMember { CharacterId = c.Id, Position = i })],
        };
        bodies.SetArticle(relationship, $"{first} and {second} are a made-up couple of the scale benchmark.", "", links);
        db.Relationships.Add(relationship);
        await db.SaveChangesAsync(cancellationToken);
        db.Revisions.AddRange(EntryWriter.ImportRevisions(relationship, at));

        var created = new List<(RelationshipEvent Event, string? Draft)>();
        var places = new Dictionary<int, int>();
        for (var i = 0; i < events; i++)
        {
            var season = seasons[(int)((long)i * seasons.Count / events)];
            var body = Paragraph(random, vocabulary, lengths[random.Next(lengths.Length)], members, season.Episodes);
            var item = new RelationshipEvent { RelationshipId = relationship.Id, SeasonId = season.Id, Order = places[season.Id] = places.GetValueOrDefault(season.Id) + 1, Kind = EventKind.Paragraph, Revision = 1 };
            bodies.Set(item, body, links);
            db.Events.Add(item);

            // Every fourth paragraph was edited once: its first version lacked the last sentence.
            var draft = i % 4 == 3 && body.LastIndexOf(". ", StringComparison.Ordinal) is > 0 and var cut ? body[..(cut + 1)] : null;
            item.Revision = draft is null ? 1 : 2;
            created.Add((item, draft));
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (item, draft) in created)
        {
            var current = new EventSnapshot(item.BodyMarkdown, item.Kind, item.ImageSlot, item.SeasonId, item.Order);
            if (draft is not null)
            {
                db.Revisions.Add(RevisionLog.Entry(Revision.EventType, item.Id, 1, current with { BodyMarkdown = draft }, Author, "Generated", at.AddDays(-1)));
                db.Revisions.Add(RevisionLog.Entry(Revision.EventType, item.Id, 2, current, Author, "Added a sentence", at));
            }
            else
            {
                db.Revisions.Add(RevisionLog.Entry(Revision.EventType, item.Id, 1, current, Author, "Generated", at));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Sentences of source words, about as long as a paragraph of the source, naming the couple and citing episodes of the season.</summary>
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

    private sealed record SeasonEpisodes(int Id, IReadOnlyList<string> Episodes);

    [GeneratedRegex(@"\[\[[^\]]*\]\]|\([^)]*\)")]
    private static partial Regex Citation();

    [GeneratedRegex(@"\b[a-z]{3,}\b")]
    private static partial Regex Word();
}
