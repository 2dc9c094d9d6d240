namespace JimPam.Wiki.Import;

/// <summary>
/// The shape every relationship article has: an epigraph, an intro, recurring jokes, one section per season
/// from the first season to the last that relationships.csv gives, with no gap, a "Status:" line and behind
/// the scenes, in that order. A part that is missing or empty (a deleted heading, a file cut short) is an
/// error at the line where it should be, so the import writes nothing rather than a wiki with holes.
/// </summary>
public static class ArticleShape
{
    public static void Check(string file, ParsedArticle article, int firstSeason, int lastSeason)
    {
        var layout = article.Layout;
        var firstSeasonLine = article.Seasons.Count > 0 ? article.Seasons[0].Line : layout.LastLine;

        if (layout.Epigraph is null)
        {
            throw new ImportException(file, 1, "the article must open with its epigraph: a quote, then a line \"—Speaker, Episode\"");
        }

        if (layout.Intro is null || layout.Intro > firstSeasonLine)
        {
            throw new ImportException(file, layout.Epigraph.Value, "the intro is missing: the article needs at least one paragraph between the epigraph and the first section");
        }

        if (layout.Jokes is not { } jokes)
        {
            throw new ImportException(file, firstSeasonLine, $"the \"Recurring jokes[]\" section is missing; it comes before \"Season {firstSeason}[]\"");
        }

        if (layout.JokeCount == 0)
        {
            throw new ImportException(file, jokes, "the \"Recurring jokes[]\" section is empty");
        }

        if (jokes > firstSeasonLine)
        {
            throw new ImportException(file, jokes, $"the \"Recurring jokes[]\" section must come before the season sections (\"Season {article.Seasons[0].Number}[]\" is on line {firstSeasonLine})");
        }

        CheckSeasons(file, article, firstSeason, lastSeason);
        var lastSeasonLine = article.Seasons[^1].Line;

        if (layout.Status is not { } status)
        {
            throw new ImportException(file, layout.LastLine, $"the \"Status:\" line is missing; it follows \"Season {lastSeason}[]\" (is the file cut short?)");
        }

        if (status < lastSeasonLine)
        {
            throw new ImportException(file, status, $"the \"Status:\" line must follow the last season section, \"Season {lastSeason}[]\"");
        }

        if (layout.BehindTheScenes is not { } behind)
        {
            throw new ImportException(file, layout.LastLine, "the \"Behind the scenes[]\" section is missing; it follows the \"Status:\" line (is the file cut short?)");
        }

        if (behind < status)
        {
            throw new ImportException(file, behind, $"the \"Behind the scenes[]\" section must follow the \"Status:\" line (line {status})");
        }

        if (layout.BehindTheScenesCount == 0)
        {
            throw new ImportException(file, behind, "the \"Behind the scenes[]\" section is empty");
        }
    }

    private static void CheckSeasons(string file, ParsedArticle article, int firstSeason, int lastSeason)
    {
        var expected = firstSeason;
        foreach (var season in article.Seasons)
        {
            if (season.Number != expected)
            {
                throw new ImportException(file, season.Line, expected == firstSeason
                    ? $"the first season section is \"Season {season.Number}[]\"; the article must start at \"Season {firstSeason}[]\""
                    : $"\"Season {season.Number}[]\" follows \"Season {expected - 1}[]\": the heading \"Season {expected}[]\" is missing");
            }

            expected++;
        }

        if (expected <= lastSeason)
        {
            var missing = expected == lastSeason ? $"\"Season {lastSeason}[]\" is missing" : $"\"Season {expected}[]\" to \"Season {lastSeason}[]\" are missing";
            throw new ImportException(file, article.Layout.LastLine,
                $"the article ends its seasons at \"Season {expected - 1}[]\": {missing} (is the file cut short?)");
        }

        if (expected - 1 > lastSeason)
        {
            throw new ImportException(file, article.Seasons[^1].Line,
                $"\"Season {expected - 1}[]\" is past the last season that {SeedCatalogue.RelationshipsFile} gives for this article ({lastSeason})");
        }
    }
}
