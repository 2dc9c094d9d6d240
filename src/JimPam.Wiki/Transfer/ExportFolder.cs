using System.Globalization;
using System.Text.Json;
using JimPam.Wiki.Data;
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

    /// <summary>A yes-or-no field: absent or empty is no; anything but true or false is refused.</summary>
    public bool Flag(string key) => Text(key) switch
    {
        null or "false" => false,
        "true" => true,
        var other => throw new ImportException(File, LineOf(key), $"\"{key}\" must be true or false, not \"{other}\""),
    };

    /// <summary>A list of names (absent or empty is none).</summary>
    public IReadOnlyList<string> List(string key) =>
        !Fields.Children.TryGetValue(new YamlScalarNode(key), out var value) || value is YamlScalarNode { Value: null or "" } ? []
        : value is YamlSequenceNode list && list.Children.All(c => c is YamlScalarNode) ? [.. list.Children.Cast<YamlScalarNode>().Select(c => c.Value ?? "")]
        : throw new ImportException(File, LineOf(key), $"\"{key}\" must be a list, one \"- name\" a line");

    /// <summary>A field of a map inside the front matter (a milestone's, a picture's), or null.</summary>
    public static string? Text(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;

    /// <summary>The line a field of a map inside the front matter stands on, else the map's own line.</summary>
    public int LineOf(YamlMappingNode map, string key, string parent) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (int)value.Start.Line + 1 : LineOf(parent);

    /// <summary>The relationship an event or a joke belongs to: the folder it is in (events/&lt;relationship&gt;/..., jokes/&lt;relationship&gt;/...).</summary>
    public string Relationship => File.Split('/') is [_, var relationship, _, ..] ? relationship : "";
}

/// <summary>One line of media/pictures.jsonl: a picture and its files.</summary>
public sealed record ExportedPicture(int Line, int Id, string Hash, string Original, int Width, int Height, long Bytes, IReadOnlyList<ImageVariant> Variants, DateTimeOffset UploadedAt, string UploadedBy);

/// <summary>One line of redirects.jsonl: an address an entry once had.</summary>
public sealed record ExportedRedirect(int Line, string Type, string Slug, int Id);

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
    /// <summary>The kinds of entry, each the folder it is in (in format 2).</summary>
    private static readonly string[] Kinds = ["seasons", "episodes", "characters", "relationships", "events", "jokes"];

    /// <summary>The format an export is written in: 2 names the folders as the glossary does (relationships/, events/).</summary>
    public const int Format = 2;

    /// <summary>The file that says an export's format; an export without it is format 1 (relationships/, story/).</summary>
    public const string FormatFile = "export.yml";

    /// <summary>The folder each kind of entry is in, by format (format 1 said relationships/ and story/).</summary>
    public static string FolderOf(string kind, int format) => (kind, format) switch
    {
        ("relationships", 1) => "couples",
        ("events", 1) => "story",
        _ => kind,
    };

    /// <summary>The revisions' name for each kind of entry.</summary>
    public static readonly IReadOnlyDictionary<string, string> RevisionType = new Dictionary<string, string>
    {
        ["seasons"] = Revision.SeasonType, ["episodes"] = Revision.EpisodeType, ["characters"] = Revision.CharacterType,
        ["relationships"] = Revision.RelationshipType, ["events"] = Revision.EventType, ["jokes"] = Revision.JokeType,
    };

    private ExportFolder(string root, int format) => (Root, FormatRead) = (root, format);

    public string Root { get; }

    /// <summary>The format the folder was written in (1 or 2).</summary>
    public int FormatRead { get; }

    public Dictionary<string, List<ExportedEntry>> Entries { get; } = [];

    public List<ExportedRevision> Revisions { get; } = [];

    public List<ExportedPicture> Pictures { get; } = [];

    public List<ExportedRedirect> Redirects { get; } = [];

    public IReadOnlyList<ExportedEntry> Of(string kind) => Entries.TryGetValue(kind, out var entries) ? entries : [];

    /// <summary>The most an entry's file may hold: an entry's text is at most 20,000 characters, its fields far less.</summary>
    public const long MaxEntryBytes = 1024 * 1024;

    /// <summary>How deep a front matter's lists and maps may nest: an export's go two deep (a milestone, a picture).</summary>
    public const int MaxFrontMatterDepth = 8;

    public static ExportFolder Read(string folder)
    {
        var given = Path.GetFullPath(folder);
        if (!Directory.Exists(given))
        {
            throw new ImportException(given, 0, "there is no such folder");
        }

        // The folder as the operator names it may be a link; what is inside it may not (ExportFiles).
        var root = new DirectoryInfo(given).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? given;
        var read = new ExportFolder(root, ReadFormat(root));
        foreach (var kind in Kinds)
        {
            read.Entries[kind] = [.. ExportFiles.Under(root, FolderOf(kind, read.FormatRead)).Where(f => f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(f => ReadEntry(root, f))];
        }

        read.ReadRevisions();
        read.ReadPictures();
        read.ReadRedirects();
        read.Check();
        return read;
    }

    /// <summary>The format <see cref="FormatFile"/> names (1 without it); a format this version does not know is refused.</summary>
    private static int ReadFormat(string root)
    {
        if (!File.Exists(Path.Combine(root, FormatFile)) && !Directory.Exists(Path.Combine(root, FormatFile)))
        {
            return 1;
        }

        var yaml = LoadYaml(FormatFile, ExportFiles.ReadText(root, FormatFile, 4096).ReplaceLineEndings("\n"), linesBefore: 0);
        if (yaml.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode map
            || !map.Children.TryGetValue(new YamlScalarNode("format"), out var node) || node is not YamlScalarNode { Value: var value })
        {
            throw new ImportException(FormatFile, 1, "the file has no line \"format: 2\"");
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var format) && format is 1 or Format ? format
            : throw new ImportException(FormatFile, (int)node.Start.Line, $"this version reads export formats 1 and {Format}, not \"{value}\"{(format > Format ? " (the folder was written by a newer version)" : "")}");
    }

    private static ExportedEntry ReadEntry(string root, string path)
    {
        var file = Path.GetRelativePath(root, path).Replace('\\', '/');
        var text = ExportFiles.ReadText(root, file, MaxEntryBytes).ReplaceLineEndings("\n");
        var end = text.StartsWith("---\n", StringComparison.Ordinal) ? text.IndexOf("\n---\n", 3, StringComparison.Ordinal) : -1;
        if (end < 0)
        {
            throw new ImportException(file, 1, "the file must start with a line \"---\", the entry's fields, and another \"---\"");
        }

        // The front matter starts on the file's second line.
        var yaml = LoadYaml(file, text[4..(end + 1)], linesBefore: 1);
        if (yaml.Documents.Count != 1 || yaml.Documents[0].RootNode is not YamlMappingNode fields)
        {
            throw new ImportException(file, 2, "the front matter must be fields, one \"name: value\" a line");
        }

        var bodyStart = end + 5;
        return new ExportedEntry(file, fields, text[bodyStart..].TrimEnd('\n'), text[..bodyStart].Count(c => c == '\n') + 1);
    }

    /// <summary>
    /// Parses the YAML of a file (an entry's front matter, or <see cref="FormatFile"/>) that starts after
    /// <paramref name="linesBefore"/> lines of it, after <see cref="CheckShape"/>; a fault is refused at its line.
    /// </summary>
    private static YamlStream LoadYaml(string file, string yamlText, int linesBefore)
    {
        var yaml = new YamlStream();
        try
        {
            CheckShape(file, yamlText);
            yaml.Load(new StringReader(yamlText));
            return yaml;
        }
        catch (YamlException e)
        {
            throw new ImportException(file, (int)e.Start.Line + linesBefore, (int)e.Start.Column, $"the front matter is not valid YAML: {e.Message}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these, with no position, for a list or map left open at the end and for a field given
            // twice: the YAML's last line is where it ends.
            throw new ImportException(file, (yamlText.EndsWith('\n') ? yamlText[..^1] : yamlText).Count(c => c == '\n') + 1 + linesBefore, "the front matter is not valid YAML: a [list] or {map} is not closed, or a field is given twice", e);
        }
    }

    /// <summary>
    /// Walks the front matter's YAML events before anything is built from them, so a hostile file cannot exhaust the
    /// stack: lists and maps nested deeper than an export's (100,000 "[" in a row overflowed the parser's caller), and
    /// anchors or aliases (an export writes none; one that names itself is endless) are refused at their line.
    /// </summary>
    private static void CheckShape(string file, string frontMatter)
    {
        var parser = new Parser(new StringReader(frontMatter));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.AnchorAlias alias:
                    throw new ImportException(file, (int)alias.Start.Line + 1, "the front matter uses a YAML alias (*name); an export writes each value out in full");
                case YamlDotNet.Core.Events.NodeEvent { Anchor.IsEmpty: false } anchored:
                    throw new ImportException(file, (int)anchored.Start.Line + 1, "the front matter uses a YAML anchor (&name); an export writes each value out in full");
                case YamlDotNet.Core.Events.SequenceStart or YamlDotNet.Core.Events.MappingStart when ++depth > MaxFrontMatterDepth:
                    throw new ImportException(file, (int)parser.Current.Start.Line + 1, $"the front matter's lists and maps nest more than {MaxFrontMatterDepth} deep; an export's go two deep");
                case YamlDotNet.Core.Events.SequenceEnd or YamlDotNet.Core.Events.MappingEnd:
                    depth--;
                    break;
            }
        }
    }

    private void ReadRevisions() => Revisions.AddRange(ReadLines(WikiExport.RevisionsFile, (number, r) => new ExportedRevision(
        number, r.GetProperty("type").GetString()!, r.GetProperty("id").GetInt32(), r.GetProperty("number").GetInt32(),
        r.GetProperty("author").GetString()!, DateTimeOffset.Parse(r.GetProperty("saved_at").GetString()!, CultureInfo.InvariantCulture),
        r.GetProperty("summary").GetString()!, r.GetProperty("snapshot").GetRawText())));

    private void ReadPictures() => Pictures.AddRange(ReadLines(WikiExport.PicturesFile, (number, p) => new ExportedPicture(
        number, p.GetProperty("id").GetInt32(), p.GetProperty("hash").GetString()!, p.GetProperty("original").GetString()!,
        p.GetProperty("width").GetInt32(), p.GetProperty("height").GetInt32(), p.GetProperty("bytes").GetInt64(),
        [.. p.GetProperty("variants").EnumerateArray().Select(v => new ImageVariant(v.GetProperty("file").GetString()!, v.GetProperty("width").GetInt32(), v.GetProperty("height").GetInt32(), v.GetProperty("bytes").GetInt64()))],
        DateTimeOffset.Parse(p.GetProperty("uploaded_at").GetString()!, CultureInfo.InvariantCulture), p.GetProperty("uploaded_by").GetString()!)));

    private void ReadRedirects() => Redirects.AddRange(ReadLines(WikiExport.RedirectsFile, (number, r) => new ExportedRedirect(
        number, r.GetProperty("type").GetString()!, r.GetProperty("slug").GetString()!, r.GetProperty("id").GetInt32())));

    /// <summary>A JSON Lines file every export has, a row a line; a line that is not one is refused with its number.</summary>
    private List<T> ReadLines<T>(string file, Func<int, JsonElement, T> row)
    {
        if (!File.Exists(Path.Combine(Root, file)))
        {
            throw new ImportException(file, 0, $"the folder has no {file}: an export always has one");
        }

        var (rows, number) = (new List<T>(), 0);
        foreach (var line in ExportFiles.ReadLines(Root, file))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var parsed = JsonDocument.Parse(line);
                if (Unsendable(parsed.RootElement))
                {
                    // Kept verbatim (a revision's author, summary and snapshot): no form could have written it.
                    throw new ImportException(file, number, "a value holds a NUL character or half of a surrogate pair, which the wiki cannot store");
                }

                rows.Add(row(number, parsed.RootElement));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentNullException)
            {
                throw new ImportException(file, number, $"not a line of {Path.GetFileName(file)}: {e.Message}", e);
            }
        }

        return rows;
    }

    /// <summary>Whether any string of a JSON value (its keys too) holds text no form can send.</summary>
    private static bool Unsendable(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Content.UnicodeText.UnsendableAt(value.GetString()) >= 0,
        JsonValueKind.Array => value.EnumerateArray().Any(Unsendable),
        JsonValueKind.Object => value.EnumerateObject().Any(p => Content.UnicodeText.UnsendableAt(p.Name) >= 0 || Unsendable(p.Value)),
        _ => false,
    };

    /// <summary>The episodes of the folder by address, and the characters and relationships likewise, once checked.</summary>
    public Dictionary<string, ExportedEntry> Episodes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ExportedEntry> Characters { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ExportedEntry> Relationships { get; } = new(StringComparer.Ordinal);

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

        // Every entry has an id of its own among its kind, which its revisions and redirects refer to.
        foreach (var kind in Kinds)
        {
            var ids = new Dictionary<int, string>();
            foreach (var entry in Of(kind))
            {
                if (entry.Number("id") <= 0 || !ids.TryAdd(entry.Number("id"), entry.File))
                {
                    throw new ImportException(entry.File, entry.LineOf("id"), entry.Number("id") <= 0 ? "an id is a whole number above 0" : $"id {entry.Number("id")} is already {ids[entry.Number("id")]}");
                }
            }
        }

        foreach (var e in Of("episodes"))
        {
            Require(e, "number");
            _ = (e.Required("title"), e.Flag("deleted"), e.List("aliases"));
            Claim(Episodes, e, "slug");
            if (!seasons.ContainsKey(e.Number("season")))
            {
                throw new ImportException(e.File, e.LineOf("season"), $"there is no season {e.Number("season")} in the folder");
            }

            if (e.Text("air_date") is { } date && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                throw new ImportException(e.File, e.LineOf("air_date"), $"\"air_date\" must be a date as 2005-03-24, not \"{date}\"");
            }
        }

        foreach (var c in Of("characters"))
        {
            _ = (c.Required("name"), c.Flag("deleted"), c.List("aliases"));
            Claim(Characters, c, "slug");
        }

        foreach (var relationship in Of("relationships"))
        {
            _ = relationship.Required("title");
            Claim(Relationships, relationship, "slug");
            if (relationship.Fields.Children.TryGetValue(new YamlScalarNode("members"), out var members) && members is YamlSequenceNode list)
            {
                foreach (var member in list.Children.OfType<YamlScalarNode>().Where(m => !Characters.ContainsKey(m.Value ?? "")))
                {
                    throw new ImportException(relationship.File, (int)member.Start.Line + 1, $"no character is called \"{member.Value}\" in the folder");
                }
            }

            if (relationship.List("members").Count == 0)
            {
                throw new ImportException(relationship.File, relationship.LineOf("members"), "a relationship needs its members, one \"- character\" a line");
            }

            RequireKnown(relationship, relationship.Map("quote"), "episode", Episodes, "the quote's episode");
        }

        var pictures = new Dictionary<int, ExportedPicture>();
        foreach (var picture in Pictures)
        {
            foreach (var name in picture.Variants.Select(v => v.Name).Prepend(picture.Original))
            {
                if (!Media.MediaStore.IsName(name) || !File.Exists(Path.Combine(Root, "media", "files", name)))
                {
                    throw new ImportException(WikiExport.PicturesFile, picture.Line, $"the picture's file \"{name}\" is not in media/files");
                }

                var (width, height) = name == picture.Original ? (picture.Width, picture.Height) : picture.Variants.First(v => v.Name == name) is var v ? (v.Width, v.Height) : default;
                if (Media.ImageIntake.CheckStored(name, File.ReadAllBytes(ExportFiles.Check(Root, $"media/files/{name}")), width, height) is { } refusal)
                {
                    throw new ImportException(WikiExport.PicturesFile, picture.Line, $"media/files/{name}: {refusal}");
                }
            }

            if (!pictures.TryAdd(picture.Id, picture))
            {
                throw new ImportException(WikiExport.PicturesFile, picture.Line, $"picture {picture.Id} is already on line {pictures[picture.Id].Line}");
            }
        }

        foreach (var part in Of("events"))
        {
            Require(part, "order");
            _ = part.Flag("deleted");
            RequireRelationship(part);
            if (part.Required("kind") is not ("paragraph" or "figure"))
            {
                throw new ImportException(part.File, part.LineOf("kind"), $"a part of the story is a paragraph or a figure, not \"{part.Text("kind")}\"");
            }

            if (!seasons.ContainsKey(part.Number("season")))
            {
                throw new ImportException(part.File, part.LineOf("season"), $"there is no season {part.Number("season")} in the folder");
            }

            RequireKnown(part, part.Map("milestone"), "episode", Episodes, "the milestone's episode");
            if (part.Map("picture") is { } picture)
            {
                var id = ExportedEntry.Text(picture, "id");
                if (id is null || !int.TryParse(id, CultureInfo.InvariantCulture, out var number) || !pictures.TryGetValue(number, out var known))
                {
                    throw new ImportException(part.File, part.LineOf(picture, "id", "picture"), $"the picture \"{id}\" is not in {WikiExport.PicturesFile}");
                }

                if (ExportedEntry.Text(picture, "file") != known.Original)
                {
                    throw new ImportException(part.File, part.LineOf(picture, "file", "picture"), $"picture {number}'s file is \"{known.Original}\" in {WikiExport.PicturesFile}, not \"{ExportedEntry.Text(picture, "file")}\"");
                }

                if (ExportedEntry.Text(picture, "alt") is null)
                {
                    throw new ImportException(part.File, part.LineOf("picture"), "a picture needs its alt text");
                }
            }
        }

        foreach (var joke in Of("jokes"))
        {
            Require(joke, "order");
            _ = joke.Flag("deleted");
            RequireRelationship(joke);
        }

        CheckRevisions();
        foreach (var redirect in Redirects)
        {
            var kind = RevisionType.FirstOrDefault(k => k.Value == redirect.Type).Key;
            if (kind is null || !Of(kind).Any(e => e.Number("id") == redirect.Id))
            {
                throw new ImportException(WikiExport.RedirectsFile, redirect.Line, $"the address \"{redirect.Slug}\" leads to {redirect.Type} {redirect.Id}, which the folder does not have");
            }
        }
    }

    /// <summary>
    /// Each entry's revisions run 1, 2, 3 in the file's order, belong to an entry of the folder, and end at the revision
    /// the entry's own file says it is at.
    /// </summary>
    private void CheckRevisions()
    {
        var entries = Kinds.SelectMany(kind => Of(kind).Select(e => (Key: (RevisionType[kind], e.Number("id")), Entry: e))).ToDictionary(e => e.Key, e => e.Entry);
        var last = new Dictionary<(string, int), int>();
        foreach (var r in Revisions)
        {
            if (!entries.ContainsKey((r.Type, r.Id)))
            {
                throw new ImportException(WikiExport.RevisionsFile, r.Line, $"this is a revision of {r.Type} {r.Id}, which the folder does not have");
            }

            var expected = last.GetValueOrDefault((r.Type, r.Id)) + 1;
            if (r.Number != expected)
            {
                throw new ImportException(WikiExport.RevisionsFile, r.Line, $"revision {r.Number} of {r.Type} {r.Id} is out of order: revision {expected} comes next");
            }

            last[(r.Type, r.Id)] = r.Number;
        }

        foreach (var ((type, id), entry) in entries)
        {
            var kept = last.GetValueOrDefault((type, id));
            if (entry.Number("revision") != kept)
            {
                throw new ImportException(entry.File, entry.LineOf("revision"), $"the entry says it is at revision {entry.Number("revision")}, but {WikiExport.RevisionsFile} has {kept} of {type} {id}");
            }
        }
    }

    /// <summary>An address that is the entry's own among its kind.</summary>
    private static void Claim(Dictionary<string, ExportedEntry> claimed, ExportedEntry entry, string key)
    {
        var slug = entry.Required(key);
        if (!claimed.TryAdd(slug, entry))
        {
            throw new ImportException(entry.File, entry.LineOf(key), $"the address \"{slug}\" is already {claimed[slug].File}'s");
        }
    }

    /// <summary>An event or joke is in the folder of a relationship the folder has.</summary>
    private void RequireRelationship(ExportedEntry entry)
    {
        if (!Relationships.ContainsKey(entry.Relationship))
        {
            throw new ImportException(entry.File, 1, $"no relationship has the address \"{entry.Relationship}\" in {FolderOf("relationships", FormatRead)}/");
        }
    }

    /// <summary>A field of a map that names an entry by its address: it must be one the folder has.</summary>
    private static void RequireKnown(ExportedEntry entry, YamlMappingNode? map, string key, Dictionary<string, ExportedEntry> known, string what)
    {
        if (map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var value)
            && value is YamlScalarNode { Value: { Length: > 0 } slug } && !known.ContainsKey(slug))
        {
            throw new ImportException(entry.File, (int)value.Start.Line + 1, $"{what} \"{slug}\" is not in the folder");
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
