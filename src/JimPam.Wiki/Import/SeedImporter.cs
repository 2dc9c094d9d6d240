using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Import;

/// <summary>What an import wrote.</summary>
public sealed record ImportSummary(int Seasons, int Episodes, int Characters, int Events, int Citations, int Jokes, int Milestones = 0);

/// <summary>
/// Imports <c>seed-data/</c> into an empty database: the episode and character catalogues, then each
/// relationship article. Everything is read and checked before the first write, and all writes share
/// one transaction, so malformed input leaves the database as it was.
/// </summary>
public sealed class SeedImporter(WikiDbContext db, StoredBodies bodies, ILogger<SeedImporter> logger, TimeProvider? clock = null)
{
    public async Task<ImportSummary> ImportAsync(string folder, Func<WikiDbContext, CancellationToken, Task>? beforeCommit = null, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            throw new ImportException(folder, 0, "the seed folder does not exist");
        }

        var episodeRows = SeedCatalogue.ReadEpisodes(folder);
        var characterRows = SeedCatalogue.ReadCharacters(folder);
        var relationshipRows = SeedCatalogue.ReadRelationships(folder);
        var milestoneRows = SeedCatalogue.ReadMilestones(folder);
        foreach (var milestone in milestoneRows.Where(m => !relationshipRows.Any(r => r.Slug == m.Relationship)))
        {
            throw new ImportException(SeedCatalogue.MilestonesFile, milestone.Line, $"no relationship in {SeedCatalogue.RelationshipsFile} has the address \"{milestone.Relationship}\"");
        }

        var seasons = episodeRows.Select(r => r.Season).Distinct().Order()
            .ToDictionary(n => n, n => new Season { Number = n });
        var episodes = BuildEpisodes(episodeRows, seasons);
        var characters = BuildCharacters(characterRows);

        // Every article is parsed and checked against the catalogue before anything is saved.
        var articles = relationshipRows
            .Select(row => (Row: row, Article: ArticleParser.ForCatalogue(row.Article, episodeRows).Parse(SeedText.ReadAll(folder, row.Article))))
            .ToList();
        foreach (var (row, article) in articles)
        {
            ArticleShape.Check(row.Article, article, row.FirstSeason, row.LastSeason);
            Validate(row, article, seasons, characters);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Seasons.AddRange(seasons.Values);
        db.Episodes.AddRange(episodes);
        db.Characters.AddRange(characters);
        await db.SaveChangesAsync(cancellationToken);

        // Links resolve against the catalogue just saved, read back the way every later save reads it.
        var links = await LinkContext.LoadAsync(db, cancellationToken);
        var summary = new ImportSummary(seasons.Count, episodes.Count, characters.Count, 0, 0, 0);
        foreach (var (row, article) in articles)
        {
            var relationship = BuildRelationship(row, article, seasons, episodes, characters, links);
            var milestones = SetMilestones(row, article, relationship, milestoneRows.Where(m => m.Relationship == row.Slug), links.Resolver);
            db.Relationships.Add(relationship);
            summary = summary with
            {
                Events = summary.Events + relationship.Events.Count,
                Citations = summary.Citations + relationship.Events.Sum(e => e.Citations.Count) + relationship.Jokes.Sum(j => j.Citations.Count),
                Jokes = summary.Jokes + relationship.Jokes.Count,
                Milestones = summary.Milestones + milestones,
            };
        }

        await db.SaveChangesAsync(cancellationToken);

        // Every imported entry starts its history with revision 1, "imported from the source article".
        var importedAt = (clock ?? TimeProvider.System).GetUtcNow();
        db.Revisions.AddRange(db.ChangeTracker.Entries<RelationshipEvent>().Select(e => EntryWriter.ImportRevision(e.Entity, importedAt)).ToList());
        db.Revisions.AddRange(episodes.Select(e => EntryWriter.ImportRevision(e, e.Season.Number, importedAt)));
        db.Revisions.AddRange(characters.Select(c => EntryWriter.ImportRevision(c, importedAt)));
        db.Revisions.AddRange(seasons.Values.Select(s => EntryWriter.ImportRevision(s, importedAt)));
        db.Revisions.AddRange(db.ChangeTracker.Entries<Relationship>().SelectMany(r => EntryWriter.ImportRevisions(r.Entity, importedAt)).ToList());
        await StoredBodies.MarkRenderedAsync(db, cancellationToken);
        db.SiteSettings.AddRange(SeedUpgrade.Marks());

        // What the host adds to the same transaction (the search index's mark: every row above was indexed as saved).
        if (beforeCommit is not null)
        {
            await beforeCommit(db, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation(
            "Imported {Seasons} seasons, {Episodes} episodes, {Characters} characters, {Events} events, {Citations} citations and {Jokes} jokes from {Folder}",
            summary.Seasons, summary.Episodes, summary.Characters, summary.Events, summary.Citations, summary.Jokes, folder);
        return summary;
    }

    private static List<Episode> BuildEpisodes(IReadOnlyList<EpisodeRow> rows, Dictionary<int, Season> seasons)
    {
        var episodes = new List<Episode>();
        var slugs = new Dictionary<string, int>();
        var positions = new HashSet<(int, int)>();
        foreach (var row in rows)
        {
            var slug = ClaimSlug(slugs, row.Title, "episodes", SeedCatalogue.EpisodesFile, row.Line);

            if (!positions.Add((row.Season, row.Number)))
            {
                throw new ImportException(SeedCatalogue.EpisodesFile, row.Line, $"season {row.Season} has two episodes numbered {row.Number}");
            }

            episodes.Add(new Episode
            {
                Season = seasons[row.Season],
                NumberInSeason = row.Number,
                Title = row.Title,
                Slug = slug,
                AirDate = row.AirDate,
                Aliases = [.. row.Aliases.Select(a => new EpisodeAlias { Title = a })],
            });
        }

        return episodes;
    }

    private static List<Character> BuildCharacters(IReadOnlyList<CharacterRow> rows)
    {
        var characters = new List<Character>();
        var slugs = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            var slug = ClaimSlug(slugs, row.Name, "characters", SeedCatalogue.CharactersFile, row.Line);

            characters.Add(new Character
            {
                Name = row.Name,
                Slug = slug,
                FullName = row.FullName,
                Actor = row.Actor,
                Aliases = [.. row.Aliases.Select(a => new CharacterAlias { Name = a })],
            });
        }

        return characters;
    }

    /// <summary>The slug of a title, refused when an earlier line of the same file already has that address.</summary>
    private static string ClaimSlug(Dictionary<string, int> claimed, string title, string section, string file, int line)
    {
        var slug = Slug.From(title);
        return claimed.TryAdd(slug, line)
            ? slug
            : throw new ImportException(file, line, $"\"{title}\" has the same address /{section}/{slug} as line {claimed[slug]}");
    }

    private static void Validate(RelationshipRow row, ParsedArticle article, Dictionary<int, Season> seasons, List<Character> characters)
    {
        foreach (var member in row.Members)
        {
            if (!characters.Any(c => c.Name == member))
            {
                throw new ImportException(SeedCatalogue.RelationshipsFile, row.Line, $"the member \"{member}\" is not in {SeedCatalogue.CharactersFile}");
            }
        }

        if (article.Actors.Count > 0 && article.Actors.Count != row.Members.Count)
        {
            throw new ImportException(row.Article, 0, $"the portrayal sentence names {article.Actors.Count} actors for {row.Members.Count} members");
        }

        foreach (var season in article.Seasons.Where(s => !seasons.ContainsKey(s.Number)))
        {
            throw new ImportException(row.Article, season.Line, $"\"Season {season.Number}\" has no episodes in {SeedCatalogue.EpisodesFile}");
        }
    }

    private Relationship BuildRelationship(
        RelationshipRow row,
        ParsedArticle article,
        Dictionary<int, Season> seasons,
        List<Episode> episodes,
        List<Character> characters,
        LinkContext links)
    {
        var resolver = links.Resolver;
        var members = row.Members.Select(name => characters.Single(c => c.Name == name)).ToList();
        for (var i = 0; i < article.Actors.Count; i++)
        {
            members[i].Actor ??= article.Actors[i];
        }

        var quoteEpisode = article.Quote is null ? null : resolver.ResolveEpisode(article.Quote.EpisodeTitle);
        var speaker = article.Quote is null ? null : resolver.Resolve(article.Quote.Speaker);
        var relationship = new Relationship
        {
            Title = row.Title,
            Slug = row.Slug,
            Status = article.Status ?? "",
            QuoteText = article.Quote?.Text ?? "",
            QuoteSpeaker = article.Quote?.Speaker ?? "",
            QuoteSpeakerId = speaker is { Kind: WikiLinkKind.Character } ? speaker.Id : null,
            QuoteEpisodeId = quoteEpisode?.Id,
            BehindTheScenesFootnote = article.BehindTheScenesFootnote,
            Members = [.. members.Select((c, i) => new RelationshipMember { CharacterId = c.Id, Position = i })],
        };
        bodies.SetArticle(relationship, string.Join("\n\n", article.IntroMarkdown), string.Join("\n\n", article.BehindTheScenesMarkdown), links);

        foreach (var parsedSeason in article.Seasons)
        {
            var season = seasons[parsedSeason.Number];
            if (season.Summary.Length == 0)
            {
                season.Summary = parsedSeason.Summary;
            }

            var order = 0;
            foreach (var parsed in parsedSeason.Events)
            {
                var item = new RelationshipEvent { Season = season, Order = ++order, Kind = parsed.Kind, ImageSlot = parsed.ImageSlot };
                RequireResolved(row.Article, parsed.Line, bodies.Set(item, parsed.Markdown, links).Analysis);
                relationship.Events.Add(item);
            }
        }

        var jokeOrder = 0;
        foreach (var markdown in article.JokesMarkdown)
        {
            var joke = new RecurringJoke { Order = ++jokeOrder };
            RequireResolved(row.Article, 0, bodies.Set(joke, markdown, links).Analysis);
            relationship.Jokes.Add(joke);
        }

        logger.LogDebug("Built {Slug} with {Events} events over {Episodes} catalogued episodes", row.Slug, relationship.Events.Count, episodes.Count);
        return relationship;
    }

    /// <summary>
    /// Puts each milestone of <c>milestones.csv</c> on the one event whose source text contains its quote, checking that
    /// the event cites the milestone's episode, so the file can only point at what the article itself says.
    /// </summary>
    private static int SetMilestones(RelationshipRow row, ParsedArticle article, Relationship relationship, IEnumerable<MilestoneRow> milestones, WikiLinkResolver resolver)
    {
        const string file = SeedCatalogue.MilestonesFile;
        var parsedEvents = article.Seasons.SelectMany(s => s.Events.Select(e => (Season: s.Number, Parsed: e))).ToList();
        var claimed = new Dictionary<RelationshipEvent, int>();
        var count = 0;
        foreach (var milestone in milestones)
        {
            if (!article.Seasons.Any(s => s.Number == milestone.Season))
            {
                throw new ImportException(file, milestone.Line, $"{row.Article} has no section \"Season {milestone.Season}[]\"");
            }

            var matches = parsedEvents
                .Select((e, index) => (e.Season, e.Parsed, Index: index))
                .Where(e => e.Season == milestone.Season && e.Parsed.SourceText.Contains(milestone.Quote, StringComparison.Ordinal))
                .ToList();
            if (matches.Count != 1)
            {
                throw new ImportException(file, milestone.Line, matches.Count == 0
                    ? $"no paragraph or caption of Season {milestone.Season} in {row.Article} contains \"{milestone.Quote}\""
                    : $"{matches.Count} paragraphs of Season {milestone.Season} contain \"{milestone.Quote}\" ({row.Article} lines {string.Join(", ", matches.Select(m => m.Parsed.Line))}); quote more of the one meant");
            }

            var (_, parsed, index) = matches[0];
            var target = relationship.Events[index];
            if (!claimed.TryAdd(target, milestone.Line))
            {
                throw new ImportException(file, milestone.Line, $"the text at {row.Article} line {parsed.Line} already carries the milestone of line {claimed[target]}");
            }

            if (milestone.Episode is { } title)
            {
                var episode = resolver.ResolveEpisode(title)
                    ?? throw new ImportException(file, milestone.Line, $"no episode in {SeedCatalogue.EpisodesFile} is called \"{title}\"");
                if (!target.Citations.Any(c => c.EpisodeId == episode.Id))
                {
                    throw new ImportException(file, milestone.Line, $"the text at {row.Article} line {parsed.Line} does not cite \"{title}\", so it cannot be where the milestone happens");
                }

                target.MilestoneEpisodeId = episode.Id;
            }

            (target.Milestone, target.MilestoneStatus) = (milestone.Label, milestone.Status);
            count++;
        }

        return count;
    }

    private static void RequireResolved(string file, int line, WikiLinkAnalysis links)
    {
        if (links.BrokenLinks.Count > 0)
        {
            throw new ImportException(file, line, $"the link [[{links.BrokenLinks[0]}]] matches no episode or character");
        }
    }
}
