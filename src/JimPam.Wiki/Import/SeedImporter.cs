using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Import;

/// <summary>What an import wrote.</summary>
public sealed record ImportSummary(int Seasons, int Episodes, int Characters, int Events, int Citations, int Jokes, int Milestones = 0);

/// <summary>
/// Imports <c>seed-data/</c> into an empty database: the episode and character catalogues, then each relationship
/// article. The files are read and checked against each other first; then every entry is written through
/// <see cref="EntryWriter"/> in one batch, as an editor's form would write it (rows, revision 1 by "import", stored
/// HTML, link rows, the search index), all in one transaction, so a refusal leaves the database as it was. A refusal
/// names the file and line of what was refused.
/// </summary>
public sealed class SeedImporter(WikiDbContext db, EntryWriter writer, DerivedData derived, WikiMarkdown markdown, ILogger<SeedImporter> logger)
{
    /// <param name="deferRendering">The batch's shortcut (see <see cref="EntryWriter.BatchAsync"/>); false writes entry by entry as forms do, for the test that compares the two.</param>
    public async Task<ImportSummary> ImportAsync(string folder, bool deferRendering = true, CancellationToken cancellationToken = default)
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

        var seasons = episodeRows.Select(r => r.Season).Distinct().Order().ToList();
        CheckEpisodes(episodeRows);
        CheckCharacters(characterRows);

        // Every article is parsed and checked against the catalogue before anything is written: its shape, its members,
        // its wiki links (against the names the catalogue will have) and the milestones that point into it.
        var resolver = CatalogueResolver(episodeRows, characterRows);
        var articles = new List<ArticleImport>();
        foreach (var row in relationshipRows)
        {
            var article = ArticleParser.ForCatalogue(row.Article, episodeRows).Parse(SeedText.ReadAll(folder, row.Article));
            ArticleShape.Check(row.Article, article, row.FirstSeason, row.LastSeason);
            Validate(row, article, seasons, characterRows);
            var cited = CheckLinks(row, article, resolver);
            articles.Add(new ArticleImport(row, article, PlaceMilestones(row, article, milestoneRows.Where(m => m.Relationship == row.Slug), resolver, cited), cited.Values.Sum(c => c.Count)));
        }

        var summary = await writer.BatchAsync(
            async ct =>
            {
                await WriteCatalogueAsync(seasons, episodeRows, characterRows, articles, ct);
                var summary = new ImportSummary(seasons.Count, episodeRows.Count, characterRows.Count, 0, 0, 0);
                foreach (var import in articles)
                {
                    summary = await WriteArticleAsync(import, summary, ct);
                }

                // Every row above reaches the writer's handlers (the places, the index) before the commit: all derived data is current.
                await derived.MarkAllAsync(db, ct);
                db.SiteSettings.AddRange(SeedUpgrade.Marks());

                return summary;
            },
            deferRendering,
            cancellationToken);
        logger.LogInformation(
            "Imported {Seasons} seasons, {Episodes} episodes, {Characters} characters, {Events} events, {Citations} citations and {Jokes} jokes from {Folder}",
            summary.Seasons, summary.Episodes, summary.Characters, summary.Events, summary.Citations, summary.Jokes, folder);
        return summary;
    }

    private sealed record ArticleImport(RelationshipRow Row, ParsedArticle Article, IReadOnlyDictionary<ParsedEvent, MilestoneRow> Milestones, int Citations);

    /// <summary>The seasons (each with the summary line of the first article that has one), the episodes and the characters.</summary>
    private async Task WriteCatalogueAsync(IReadOnlyList<int> seasons, IReadOnlyList<EpisodeRow> episodeRows, IReadOnlyList<CharacterRow> characterRows, IReadOnlyList<ArticleImport> articles, CancellationToken cancellationToken)
    {
        foreach (var number in seasons)
        {
            var line = articles.SelectMany(a => a.Article.Seasons).Where(s => s.Number == number).Select(s => s.Summary).FirstOrDefault(s => s.Length > 0) ?? "";
            Require(SeedCatalogue.EpisodesFile, episodeRows.First(r => r.Season == number).Line,
                await writer.CreateSeasonAsync(number, new SeasonSnapshot(line), EntryWriter.ImportAuthor, EntryWriter.ImportSummary, cancellationToken));
        }

        foreach (var row in episodeRows)
        {
            var fields = new EpisodeSnapshot(row.Title, Slug.From(row.Title), row.Season, row.Number, row.AirDate, row.Aliases);
            Require(SeedCatalogue.EpisodesFile, row.Line, await writer.SaveEpisodeAsync(null, 0, fields, EntryWriter.ImportAuthor, EntryWriter.ImportSummary, cancellationToken));
        }

        // A member's actor, when the catalogue gives none, is the one the article's portrayal sentence names.
        var actors = articles
            .SelectMany(a => a.Article.Actors.Select((actor, i) => (Name: a.Row.Members[i], Actor: actor)))
            .GroupBy(a => a.Name).ToDictionary(g => g.Key, g => g.First().Actor);
        foreach (var row in characterRows)
        {
            var fields = new CharacterSnapshot(row.Name, Slug.From(row.Name), row.FullName, row.Actor ?? actors.GetValueOrDefault(row.Name), row.Aliases);
            Require(SeedCatalogue.CharactersFile, row.Line, await writer.SaveCharacterAsync(null, 0, fields, EntryWriter.ImportAuthor, EntryWriter.ImportSummary, cancellationToken));
        }
    }

    /// <summary>The article's own fields, then its parts season by season (with their milestones), then its recurring jokes.</summary>
    private async Task<ImportSummary> WriteArticleAsync(ArticleImport import, ImportSummary summary, CancellationToken cancellationToken)
    {
        var (row, article, milestones, citations) = import;
        var fields = new RelationshipSnapshot(
            row.Title,
            article.Status ?? "",
            article.Quote?.Text ?? "",
            article.Quote?.Speaker ?? "",
            article.Quote?.EpisodeTitle,
            string.Join("\n\n", article.IntroMarkdown),
            string.Join("\n\n", article.BehindTheScenesMarkdown),
            row.Members,
            article.BehindTheScenesFootnote);
        var relationshipId = Require(row.Article, article.Quote?.Line ?? 0,
            await writer.CreateRelationshipAsync(fields, row.Slug, EntryWriter.ImportAuthor, EntryWriter.ImportSummary, cancellationToken));

        foreach (var season in article.Seasons)
        {
            var position = 0;
            foreach (var parsed in season.Events)
            {
                var milestone = milestones.GetValueOrDefault(parsed);
                var draft = new EventDraft(
                    new EventPlace(season.Number, ++position), parsed.Kind, parsed.ImageSlot, parsed.Markdown, EntryWriter.ImportSummary,
                    milestone is null ? null : new EventMilestone(milestone.Label, milestone.Status, null, milestone.Episode), relationshipId);
                Require(row.Article, parsed.Line, await writer.CreateEventAsync(draft, EntryWriter.ImportAuthor, cancellationToken));
            }
        }

        foreach (var joke in article.JokesMarkdown)
        {
            Require(row.Article, article.Layout.Jokes ?? 0,
                await writer.SaveJokeAsync(null, 0, new JokeSnapshot(joke, RelationshipId: relationshipId), EntryWriter.ImportAuthor, EntryWriter.ImportSummary, cancellationToken));
        }

        logger.LogDebug("Wrote {Slug} with {Events} events", row.Slug, article.EventCount);
        return summary with
        {
            Events = summary.Events + article.EventCount,
            Citations = summary.Citations + citations,
            Jokes = summary.Jokes + article.JokesMarkdown.Count,
            Milestones = summary.Milestones + milestones.Count,
        };
    }

    /// <summary>The id of what the writer saved, or its refusal as an import error at the line that asked for it.</summary>
    private static int Require(string file, int line, EntrySaveResult result) => result switch
    {
        EntrySaveResult.Saved saved => saved.Id,
        EntrySaveResult.Invalid invalid => throw new ImportException(file, line, invalid.Message),
        _ => throw new ImportException(file, line, $"the wiki could not write this entry ({result.GetType().Name})"),
    };

    /// <summary>Each episode has an address of its own and a place of its own in its season.</summary>
    private static void CheckEpisodes(IReadOnlyList<EpisodeRow> rows)
    {
        var slugs = new Dictionary<string, int>();
        var positions = new HashSet<(int, int)>();
        foreach (var row in rows)
        {
            ClaimSlug(slugs, row.Title, "episodes", SeedCatalogue.EpisodesFile, row.Line);
            if (!positions.Add((row.Season, row.Number)))
            {
                throw new ImportException(SeedCatalogue.EpisodesFile, row.Line, $"season {row.Season} has two episodes numbered {row.Number}");
            }
        }
    }

    private static void CheckCharacters(IReadOnlyList<CharacterRow> rows)
    {
        var slugs = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            ClaimSlug(slugs, row.Name, "characters", SeedCatalogue.CharactersFile, row.Line);
        }
    }

    /// <summary>Refuses a title whose address an earlier line of the same file already has.</summary>
    private static void ClaimSlug(Dictionary<string, int> claimed, string title, string section, string file, int line)
    {
        var slug = Slug.From(title);
        if (!claimed.TryAdd(slug, line))
        {
            throw new ImportException(file, line, $"\"{title}\" has the same address /{section}/{slug} as line {claimed[slug]}");
        }
    }

    private static void Validate(RelationshipRow row, ParsedArticle article, IReadOnlyList<int> seasons, IReadOnlyList<CharacterRow> characters)
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

        foreach (var season in article.Seasons.Where(s => !seasons.Contains(s.Number)))
        {
            throw new ImportException(row.Article, season.Line, $"\"Season {season.Number}\" has no episodes in {SeedCatalogue.EpisodesFile}");
        }
    }

    /// <summary>Who the catalogue's names will resolve to once it is written (ids stand in for the rows until then).</summary>
    private static WikiLinkResolver CatalogueResolver(IReadOnlyList<EpisodeRow> episodes, IReadOnlyList<CharacterRow> characters) => new(
        episodes.Select((e, i) => (new WikiLinkTarget(WikiLinkKind.Episode, i + 1, Slug.From(e.Title), e.Title), (IEnumerable<string>)e.Aliases))
            .Concat(characters.Select((c, i) => (new WikiLinkTarget(WikiLinkKind.Character, i + 1, Slug.From(c.Name), c.Name), (IEnumerable<string>)c.Aliases))));

    /// <summary>Refuses a paragraph, caption or joke with a wiki link that matches no episode or character; gives each part's cited episodes.</summary>
    private Dictionary<object, IReadOnlyList<int>> CheckLinks(RelationshipRow row, ParsedArticle article, WikiLinkResolver resolver)
    {
        var cited = new Dictionary<object, IReadOnlyList<int>>(ReferenceEqualityComparer.Instance);
        var parts = article.Seasons.SelectMany(s => s.Events).Select(e => (Key: (object)e, e.Line, e.Markdown, Inline: e.Kind == EventKind.Figure))
            .Concat(article.JokesMarkdown.Select(j => (Key: (object)j, Line: 0, Markdown: j, Inline: true)));
        foreach (var (key, line, body, inline) in parts)
        {
            var links = markdown.Render(body, resolver, MentionFinder.Empty, inline).Analysis;
            if (links.BrokenLinks.Count > 0)
            {
                throw new ImportException(row.Article, line, $"the link [[{links.BrokenLinks[0]}]] matches no episode or character");
            }

            cited[key] = links.EpisodeIds;
        }

        return cited;
    }

    /// <summary>
    /// Finds, for each milestone of <c>milestones.csv</c>, the one paragraph or caption whose source text contains its
    /// quote, checking that it cites the milestone's episode, so the file can only point at what the article itself says.
    /// </summary>
    private static Dictionary<ParsedEvent, MilestoneRow> PlaceMilestones(RelationshipRow row, ParsedArticle article, IEnumerable<MilestoneRow> milestones, WikiLinkResolver resolver, Dictionary<object, IReadOnlyList<int>> cited)
    {
        const string file = SeedCatalogue.MilestonesFile;
        var placed = new Dictionary<ParsedEvent, MilestoneRow>(ReferenceEqualityComparer.Instance);
        foreach (var milestone in milestones)
        {
            if (!article.Seasons.Any(s => s.Number == milestone.Season))
            {
                throw new ImportException(file, milestone.Line, $"{row.Article} has no section \"Season {milestone.Season}[]\"");
            }

            var matches = article.Seasons.Where(s => s.Number == milestone.Season).SelectMany(s => s.Events)
                .Where(e => e.SourceText.Contains(milestone.Quote, StringComparison.Ordinal))
                .ToList();
            if (matches.Count != 1)
            {
                throw new ImportException(file, milestone.Line, matches.Count == 0
                    ? $"no paragraph or caption of Season {milestone.Season} in {row.Article} contains \"{milestone.Quote}\""
                    : $"{matches.Count} paragraphs of Season {milestone.Season} contain \"{milestone.Quote}\" ({row.Article} lines {string.Join(", ", matches.Select(m => m.Line))}); quote more of the one meant");
            }

            var target = matches[0];
            if (!placed.TryAdd(target, milestone))
            {
                throw new ImportException(file, milestone.Line, $"the text at {row.Article} line {target.Line} already carries the milestone of line {placed[target].Line}");
            }

            if (milestone.Episode is { } title)
            {
                var episode = resolver.ResolveEpisode(title)
                    ?? throw new ImportException(file, milestone.Line, $"no episode in {SeedCatalogue.EpisodesFile} is called \"{title}\"");
                if (!cited[target].Contains(episode.Id))
                {
                    throw new ImportException(file, milestone.Line, $"the text at {row.Article} line {target.Line} does not cite \"{title}\", so it cannot be where the milestone happens");
                }
            }
        }

        return placed;
    }
}
