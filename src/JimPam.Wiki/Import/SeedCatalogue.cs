using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace JimPam.Wiki.Import;

public sealed record EpisodeRow(int Line, int Season, int Number, string Title, IReadOnlyList<string> Aliases, DateOnly? AirDate);

public sealed record CharacterRow(int Line, string Name, string? FullName, string? Actor, IReadOnlyList<string> Aliases);

public sealed record RelationshipRow(int Line, string Slug, string Title, IReadOnlyList<string> Members, string Article);

/// <summary>Reads the CSV files of <c>seed-data/</c>, reporting the file and line of anything malformed.</summary>
public static class SeedCatalogue
{
    public const string EpisodesFile = "episodes.csv";
    public const string CharactersFile = "characters.csv";
    public const string RelationshipsFile = "relationships.csv";

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
        Read(folder, RelationshipsFile, ["slug", "title", "members", "article"], (row, file, line) =>
        {
            var members = List(row.GetField("members"));
            return members.Count < 2
                ? throw new ImportException(file, line, "a relationship needs at least two members, separated by '|'")
                : new RelationshipRow(line, Required(row, "slug", file, line), Required(row, "title", file, line), members, Required(row, "article", file, line));
        });

    private static List<T> Read<T>(string folder, string name, string[] columns, Func<CsvReader, string, int, T> map)
    {
        var path = Path.Combine(folder, name);
        var rows = new List<T>();
        try
        {
            using var reader = new StreamReader(path, SeedText.StrictUtf8);
            using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectColumnCountChanges = true });
            if (!csv.Read() || !csv.ReadHeader())
            {
                throw new ImportException(name, 1, "the file is empty; it needs a header row");
            }

            var missing = columns.Where(c => !csv.HeaderRecord!.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                throw new ImportException(name, 1, $"the header lacks the column(s) {string.Join(", ", missing)}");
            }

            while (csv.Read())
            {
                rows.Add(map(csv, name, csv.Parser.RawRow));
            }
        }
        catch (CsvHelperException e)
        {
            throw new ImportException(name, e.Context?.Parser?.RawRow ?? 0, $"malformed CSV: {e.GetType().Name}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            throw new ImportException(name, 0, $"cannot be read: {e.Message}", e);
        }

        return rows;
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
