using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace JimPam.Wiki.Import;

public sealed record EpisodeRow(int Line, int Season, int Number, string Title, IReadOnlyList<string> Aliases, DateOnly? AirDate);

public sealed record CharacterRow(int Line, string Name, string? FullName, string? Actor, IReadOnlyList<string> Aliases);

public sealed record RelationshipRow(int Line, string Slug, string Title, IReadOnlyList<string> Members, string Article, int FirstSeason, int LastSeason);

/// <summary>
/// A milestone the article states: the relationship, the season whose section tells it, a phrase of the source text that
/// finds the one paragraph or caption that tells it, the episode it happens in (empty when the text does not say), a
/// short label, and the status the relationship has from then on (empty when it keeps the one it had).
/// </summary>
public sealed record MilestoneRow(int Line, string Relationship, int Season, string Quote, string? Episode, string Label, string? Status);

/// <summary>Reads the CSV files of <c>seed-data/</c>, reporting the file and line of anything malformed.</summary>
public static class SeedCatalogue
{
    public const string EpisodesFile = "episodes.csv";
    public const string CharactersFile = "characters.csv";
    public const string RelationshipsFile = "relationships.csv";
    public const string MilestonesFile = "milestones.csv";

    public static IReadOnlyList<EpisodeRow> ReadEpisodes(string folder) =>
        Read(folder, EpisodesFile, ["season", "number", "title", "aliases", "air_date"], (row, file, line) =>
        {
            var season = Int(row, "season", file, line);
            var number = Int(row, "number", file, line);
            var title = Required(row, "title", file, line);
            var airDate = row.GetField("air_date");
            DateOnly? date = null;
            if (!string.IsNullOrWhiteSpace(airDate))
            {
                date = DateOnly.TryParseExact(airDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? parsed
                    : throw new ImportException(file, line, $"air_date '{airDate}' is not a date in the form yyyy-MM-dd");
            }

            return new EpisodeRow(line, season, number, title, List(row.GetField("aliases")), date);
        });

    public static IReadOnlyList<CharacterRow> ReadCharacters(string folder) =>
        Read(folder, CharactersFile, ["name", "full_name", "actor", "aliases"], (row, file, line) =>
            new CharacterRow(line, Required(row, "name", file, line), Optional(row, "full_name"), Optional(row, "actor"), List(row.GetField("aliases"))));

    public static IReadOnlyList<RelationshipRow> ReadRelationships(string folder) =>
        Read(folder, RelationshipsFile, ["slug", "title", "members", "seasons", "article"], (row, file, line) =>
        {
            var members = List(row.GetField("members"));
            if (members.Count < 2)
            {
                throw new ImportException(file, line, "a relationship needs at least two members, separated by '|'");
            }

            var (first, last) = SeasonRange(row.GetField("seasons"), file, line);
            return new RelationshipRow(line, Required(row, "slug", file, line), Required(row, "title", file, line), members, Required(row, "article", file, line), first, last);
        });

    public static IReadOnlyList<MilestoneRow> ReadMilestones(string folder) =>
        Read(folder, MilestonesFile, ["relationship", "season", "quote", "episode", "label", "status"], (row, file, line) =>
        {
            var label = Required(row, "label", file, line);
            var status = Optional(row, "status");
            if (label.Length > Data.RelationshipEvent.MilestoneMaxLength)
            {
                throw new ImportException(file, line, $"the label is {label.Length} characters long; at most {Data.RelationshipEvent.MilestoneMaxLength} fit");
            }

            if (status?.Length > Data.RelationshipEvent.StatusMaxLength)
            {
                throw new ImportException(file, line, $"the status is {status.Length} characters long; at most {Data.RelationshipEvent.StatusMaxLength} fit");
            }

            return new MilestoneRow(
                line, Required(row, "relationship", file, line), Int(row, "season", file, line), Required(row, "quote", file, line), Optional(row, "episode"), label, status);
        });

    /// <summary>"1-9": the seasons the article has a section for, first to last.</summary>
    private static (int First, int Last) SeasonRange(string? value, string file, int line)
    {
        var parts = (value ?? "").Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            && first >= 1 && last >= first
            ? (first, last)
            : throw new ImportException(file, line, $"the column 'seasons' must give the article's first and last season, such as 1-9, not '{value}'");
    }

    private static List<T> Read<T>(string folder, string name, string[] columns, Func<CsvReader, string, int, T> map)
    {
        if (!File.Exists(Path.Combine(folder, name)))
        {
            throw new ImportException(name, 0, $"the file is missing from {folder}");
        }

        var text = SeedText.ReadAll(folder, name);
        var lines = new LineCounter(text);
        var rows = new List<T>();
        var recordLine = 1;
        try
        {
            using var csv = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture) { DetectColumnCountChanges = true });
            if (!csv.Read() || !csv.ReadHeader())
            {
                throw new ImportException(name, 1, "the file is empty; it needs a header row");
            }

            var missing = columns.Where(c => !csv.HeaderRecord!.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                throw new ImportException(name, 1, $"the header lacks the column(s) {string.Join(", ", missing)}");
            }

            // A record may span lines (a quoted field with a newline, or a quote left open), so its line is where it starts.
            while (true)
            {
                recordLine = lines.LineOfNextRecord(csv.Parser.CharCount);
                if (!csv.Read())
                {
                    break;
                }

                rows.Add(map(csv, name, recordLine));
            }
        }
        catch (BadDataException e)
        {
            throw new ImportException(name, recordLine, BadDataProblem(e), e);
        }
        catch (CsvHelperException e)
        {
            throw new ImportException(name, recordLine, $"malformed CSV in the record that starts here ({e.GetType().Name})", e);
        }

        return rows;
    }

    private static string BadDataProblem(BadDataException e) =>
        e.Message.Contains("inconsistent number of columns", StringComparison.OrdinalIgnoreCase)
            ? "this record has a different number of fields from the header; a comma inside a field needs the field in quotes, and a quote opened here may not be closed"
            : "a quote (\") is out of place in this record: a field that holds a quote must be wholly in quotes, with the quote doubled (\"\")";

    /// <summary>Turns the parser's character position into the line where the next record starts.</summary>
    private sealed class LineCounter(string text)
    {
        private int _position;
        private int _line = 1;

        public int LineOfNextRecord(long charCount)
        {
            var target = (int)Math.Min(charCount, text.Length);

            // Blank lines between records are skipped by the parser, so the record starts at the next non-blank one.
            while (target < text.Length && text[target] is '\r' or '\n')
            {
                target++;
            }

            for (; _position < target; _position++)
            {
                if (text[_position] == '\n')
                {
                    _line++;
                }
            }

            return _line;
        }
    }

    private static string Required(CsvReader row, string column, string file, int line)
    {
        var value = row.GetField(column)?.Trim();
        return string.IsNullOrEmpty(value) ? throw new ImportException(file, line, $"the column '{column}' is empty") : value;
    }

    private static string? Optional(CsvReader row, string column)
    {
        var value = row.GetField(column)?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static int Int(CsvReader row, string column, string file, int line)
    {
        var value = row.GetField(column);
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ImportException(file, line, $"the column '{column}' must be a positive whole number, not '{value}'");
    }

    private static List<string> List(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : [.. value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
