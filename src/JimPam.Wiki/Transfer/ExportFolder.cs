using System.Globalization;
using System.Text.Json;
using JimPam.Wiki.Import;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JimPam.Wiki.Transfer;

/// <summary>One entry's file of an export: where it is, its front matter (with the line of each field) and its body.</summary>
public sealed record ExportedEntry(string File, YamlMappingNode Fields, string Body, int BodyLine)
{
    /// <summary>The line (from 1) a field's value stands on, else the first line of the front matter.</summary>
    public int LineOf(string key) => Fields.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (int)value.Start.Line + 1 : 2;

    public string? Text(string key) =>
        Fields.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;

    public YamlMappingNode? Map(string key) =>
        Fields.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as YamlMappingNode : null;

    /// <summary>A whole number the entry must have, or the refusal that names the file and line.</summary>
    public int Number(string key) =>
        Text(key) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number
        : throw new ImportException(File, LineOf(key), Text(key) is null ? $"the front matter has no \"{key}\"" : $"\"{key}\" must be a whole number, not \"{Text(key)}\"");

    public string Required(string key) => Text(key) ?? throw new ImportException(File, LineOf(key), $"the front matter has no \"{key}\"");
}

/// <summary>One line of revisions.jsonl.</summary>
public sealed record ExportedRevision(int Line, string Type, int Id, int Number, string Author, DateTimeOffset SavedAt, string Summary, string SnapshotJson);

/// <summary>
/// An export folder read and checked, before anything is written: every file's front matter must parse, every entry
/// must have the fields its kind needs, every reference (a season, an episode, a character, a picture's file) must name
/// something the folder holds, and each entry's revisions must run 1, 2, 3 in order. A folder that fails is refused
/// with an <see cref="ImportException"/> that names the file and line.
/// </summary>
public sealed class ExportFolder
{
    private static readonly string[] Kinds = ["seasons", "episodes", "characters", "couples", "story", "jokes"];

    private ExportFolder(string root) => Root = root;

    public string Root { get; }

    public Dictionary<string, List<ExportedEntry>> Entries { get; } = [];

    public List<ExportedRevision> Revisions { get; } = [];

    public IReadOnlyList<ExportedEntry> Of(string kind) => Entries.TryGetValue(kind, out var entries) ? entries : [];

    public static ExportFolder Read(string folder)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new ImportException(root, 0, "there is no such folder");
        }

        var read = new ExportFolder(root);
        foreach (var kind in Kinds)
        {
            var path = Path.Combine(root, kind);
            read.Entries[kind] = !Directory.Exists(path) ? [] :
                [.. Directory.GetFiles(path, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => ReadEntry(root, f))];
        }

        read.ReadRevisions();
        read.Check();
        return read;
    }

    private static ExportedEntry ReadEntry(string root, string path)
    {
        var file = Path.GetRelativePath(root, path).Replace('\\', '/');
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var end = text.StartsWith("---\n", StringComparison.Ordinal) ? text.IndexOf("\n---\n", 3, StringComparison.Ordinal) : -1;
        if (end < 0)
        {
            throw new ImportException(file, 1, "the file must start with a line \"---\", the entry's fields, and another \"---\"");
        }

        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text[4..(end + 1)]));
        }
        catch (YamlException e)
        {
            // The front matter starts on the file's second line.
            throw new ImportException(file, (int)e.Start.Line + 1, (int)e.Start.Column, $"the front matter is not valid YAML: {e.Message}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these, with no position, for a list or map left open at the end and for a field given
            // twice: the front matter's last line is where it ends.
            throw new ImportException(file, text[..end].Count(c => c == '\n') + 1, "the front matter is not valid YAML: a [list] or {map} is not closed, or a field is given twice", e);
        }

        if (yaml.Documents.Count != 1 || yaml.Documents[0].RootNode is not YamlMappingNode fields)
        {
            throw new ImportException(file, 2, "the front matter must be fields, one \"name: value\" a line");
        }

        var bodyStart = end + 5;
        return new ExportedEntry(file, fields, text[bodyStart..].TrimEnd('\n'), text[..bodyStart].Count(c => c == '\n') + 1);
    }

    private void ReadRevisions()
    {
        const string File = WikiExport.RevisionsFile;
        var path = Path.Combine(Root, File);
        if (!System.IO.File.Exists(path))
        {
            throw new ImportException(File, 0, "the folder has no revisions.jsonl: an export always has one");
        }

        var number = 0;
        foreach (var line in System.IO.File.ReadLines(path))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var row = JsonDocument.Parse(line);
                var r = row.RootElement;
                Revisions.Add(new ExportedRevision(
                    number, r.GetProperty("type").GetString()!, r.GetProperty("id").GetInt32(), r.GetProperty("number").GetInt32(),
                    r.GetProperty("author").GetString()!, DateTimeOffset.Parse(r.GetProperty("saved_at").GetString()!, CultureInfo.InvariantCulture),
                    r.GetProperty("summary").GetString()!, r.GetProperty("snapshot").GetRawText()));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentNullException)
            {
                throw new ImportException(File, number, $"not a revision: {e.Message}", e);
            }
        }
    }

    private void Check()
    {
        var seasons = new Dictionary<int, ExportedEntry>();
        foreach (var season in Of("seasons"))
        {
            if (!seasons.TryAdd(season.Number("number"), season))
            {
                throw new ImportException(season.File, season.LineOf("number"), $"season {season.Number("number")} is already {seasons[season.Number("number")].File}");
            }
        }

        if (seasons.Count == 0)
        {
            throw new ImportException("seasons", 0, "the folder has no seasons: it is not an export of a wiki");
        }

        var episodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in Of("episodes"))
        {
            Require(e, "id", "number");
            _ = e.Required("title");
            episodes.Add(e.Required("slug"));
            if (!seasons.ContainsKey(e.Number("season")))
            {
                throw new ImportException(e.File, e.LineOf("season"), $"there is no season {e.Number("season")} in the folder");
            }
        }

        var characters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in Of("characters"))
        {
            Require(c, "id");
            _ = c.Required("name");
            characters.Add(c.Required("slug"));
        }

        foreach (var couple in Of("couples"))
        {
            Require(couple, "id");
            _ = (couple.Required("title"), couple.Required("slug"));
            if (couple.Fields.Children.TryGetValue(new YamlScalarNode("members"), out var members) && members is YamlSequenceNode list)
            {
                foreach (var member in list.Children.OfType<YamlScalarNode>().Where(m => !characters.Contains(m.Value ?? "")))
                {
                    throw new ImportException(couple.File, (int)member.Start.Line + 1, $"no character is called \"{member.Value}\" in the folder");
                }
            }
        }

        foreach (var part in Of("story"))
        {
            Require(part, "id", "order");
            if (part.Required("kind") is not ("paragraph" or "figure"))
            {
                throw new ImportException(part.File, part.LineOf("kind"), $"a part of the story is a paragraph or a figure, not \"{part.Text("kind")}\"");
            }

            if (!seasons.ContainsKey(part.Number("season")))
            {
                throw new ImportException(part.File, part.LineOf("season"), $"there is no season {part.Number("season")} in the folder");
            }

            if (part.Map("milestone") is { } milestone && milestone.Children.TryGetValue(new YamlScalarNode("episode"), out var at)
                && at is YamlScalarNode { Value: { Length: > 0 } slug } && !episodes.Contains(slug))
            {
                throw new ImportException(part.File, (int)at.Start.Line + 1, $"the milestone's episode \"{slug}\" is not in the folder");
            }

            if (part.Map("picture") is { } picture && picture.Children.TryGetValue(new YamlScalarNode("file"), out var file)
                && file is YamlScalarNode { Value: { } name } && !File.Exists(Path.Combine(Root, "media", "files", Path.GetFileName(name))))
            {
                throw new ImportException(part.File, (int)file.Start.Line + 1, $"the picture's file \"{name}\" is not in media/files");
            }
        }

        foreach (var joke in Of("jokes"))
        {
            Require(joke, "id", "order");
        }

        foreach (var s in Of("seasons"))
        {
            Require(s, "id");
        }

        // Each entry's revisions run 1, 2, 3 in the file's order.
        var last = new Dictionary<(string, int), int>();
        foreach (var r in Revisions)
        {
            var expected = last.GetValueOrDefault((r.Type, r.Id)) + 1;
            if (r.Number != expected)
            {
                throw new ImportException(WikiExport.RevisionsFile, r.Line, $"revision {r.Number} of {r.Type} {r.Id} is out of order: revision {expected} comes next");
            }

            last[(r.Type, r.Id)] = r.Number;
        }
    }

    /// <summary>The whole-number fields an entry must have (each refusal names the file and line).</summary>
    private static void Require(ExportedEntry entry, params string[] keys)
    {
        foreach (var key in keys)
        {
            _ = entry.Number(key);
        }
    }
}
