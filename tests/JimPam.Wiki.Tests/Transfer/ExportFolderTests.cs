using CsCheck;
using JimPam.Wiki.Import;
using JimPam.Wiki.Tests.Content;
using JimPam.Wiki.Tests.Hosting;
using JimPam.Wiki.Transfer;
using Xunit.Abstractions;

namespace JimPam.Wiki.Tests.Transfer;

/// <summary>
/// Reading an export folder back, before anything would be written: the seeded wiki's export reads whole; a damaged
/// folder is refused with the file and line of what is wrong; and machine-made damage (CsCheck: files cut short, lines
/// inserted, dropped or swapped) is always either read or refused that way, never another exception.
/// </summary>
public sealed class ExportFolderTests : IClassFixture<ExportFolderTests.SeedExport>
{
    private readonly SeedExport _export;
    private readonly ITestOutputHelper _output;

    public ExportFolderTests(SeedExport export, ITestOutputHelper output) => (_export, _output) = (export, output);

    /// <summary>The seeded wiki, exported once for the class.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
    public sealed class SeedExport : IAsyncLifetime
    {
        private readonly WikiAppFactory _app = new();

        public TempFolder Folder { get; } = new();

        public string Path => System.IO.Path.Combine(Folder.Path, "export");

        public async Task InitializeAsync()
        {
            _ = _app.Services;
            var (exitCode, _, error) = await InProcessCommand.RunAsync(_app.DatabasePath, "", "export", Path);
            Assert.True(exitCode == 0, error);
        }

        public async Task DisposeAsync()
        {
            await _app.DisposeAsync();
            Folder.Dispose();
        }
    }

    [Fact]
    public void The_seeded_wikis_export_reads_whole()
    {
        var read = ExportFolder.Read(_export.Path);

        Assert.Equal(9, read.Of("seasons").Count);
        Assert.Equal(186, read.Of("episodes").Count);
        Assert.Equal(24, read.Of("characters").Count);
        Assert.Equal(52, read.Of("events").Count);
        Assert.Single(read.Of("jokes"));
        Assert.Equal(File.ReadAllLines(Path.Combine(_export.Path, "revisions.jsonl")).Length, read.Revisions.Count);
        var part = read.Of("events").First(p => p.Text("kind") == "figure");
        Assert.Equal("figure", part.Text("kind"));
    }

    [Fact]
    public void A_folder_without_its_revisions_is_refused()
    {
        using var copy = Copy();
        File.Delete(Path.Combine(copy.Path, "revisions.jsonl"));

        var refused = Assert.Throws<ImportException>(() => ExportFolder.Read(copy.Path));

        Assert.Equal("revisions.jsonl", refused.File);
        Assert.Contains("no revisions.jsonl", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Written as a test of the reader, it found that YamlDotNet throws InvalidOperationException (no position) for an open list.</summary>
    [Fact]
    public void Bad_front_matter_is_refused_with_its_file_and_line()
    {
        using var copy = Copy();
        var file = Path.Combine(copy.Path, "episodes", Path.GetFileName(Directory.GetFiles(Path.Combine(copy.Path, "episodes"))[0]));
        var lines = File.ReadAllLines(file).ToList();
        lines.Insert(3, "title: [unclosed");
        File.WriteAllLines(file, lines);

        var refused = Assert.Throws<ImportException>(() => ExportFolder.Read(copy.Path));

        // A list left open runs to the end of the front matter, which is where YamlDotNet gives up (without a position).
        Assert.Equal($"episodes/{Path.GetFileName(file)}", refused.File);
        Assert.Equal(Array.LastIndexOf(lines.ToArray(), "---"), refused.Line);
        Assert.Contains("not valid YAML", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_milestone_in_an_unknown_episode_is_refused_with_the_line_that_names_it()
    {
        using var copy = Copy();
        var file = Directory.GetFiles(Path.Combine(copy.Path, "events"), "*.md", SearchOption.AllDirectories)
            .First(f => File.ReadAllText(f).Contains("  episode: gay-witch-hunt", StringComparison.Ordinal));
        var lines = File.ReadAllLines(file);
        var at = Array.FindIndex(lines, l => l == "  episode: gay-witch-hunt");
        lines[at] = "  episode: the-episode-that-never-was";
        File.WriteAllLines(file, lines);

        var refused = Assert.Throws<ImportException>(() => ExportFolder.Read(copy.Path));

        Assert.Equal(Path.GetRelativePath(copy.Path, file), refused.File);
        Assert.Equal(at + 1, refused.Line);
        Assert.Contains("the-episode-that-never-was", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Found in review: two files of one season made the reader throw ArgumentException, not a refusal.</summary>
    [Fact]
    public void Two_files_for_one_season_are_refused_at_the_second_ones_number()
    {
        using var copy = Copy();
        var second = Path.Combine(copy.Path, "seasons", "season-02.md");
        var lines = File.ReadAllLines(second);
        var at = Array.FindIndex(lines, l => l == "number: 2");
        lines[at] = "number: 1";
        File.WriteAllLines(second, lines);

        var refused = Assert.Throws<ImportException>(() => ExportFolder.Read(copy.Path));

        Assert.Equal("seasons/season-02.md", refused.File);
        Assert.Equal(at + 1, refused.Line);
        Assert.Contains("already seasons/season-01.md", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_revision_out_of_order_is_refused_with_its_line()
    {
        using var copy = Copy();
        var path = Path.Combine(copy.Path, "revisions.jsonl");
        var lines = File.ReadAllLines(path).ToList();
        var second = lines.FindIndex(l => l.Contains("\"number\":2,", StringComparison.Ordinal));
        var moved = second >= 0 ? second : lines.Count - 1;
        lines.Insert(0, lines[moved].Replace("\"number\":1,", "\"number\":2,", StringComparison.Ordinal));

        File.WriteAllLines(path, lines);
        var refused = Assert.Throws<ImportException>(() => ExportFolder.Read(copy.Path));

        Assert.Equal("revisions.jsonl", refused.File);
        Assert.Equal(1, refused.Line);
        Assert.Contains("out of order", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Machine_made_damage_is_read_or_refused_with_a_file_and_line()
    {
        var files = Directory.GetFiles(_export.Path, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".jsonl", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        string[] pieces = ["---", "", "id: x", "season: 99", "  episode: nowhere", "kind: poem", "{", "[", "\"", ": :", "\0", "number: 1.5", "{\"type\":\"event\",\"id\":1,\"number\":9}"];
        var damage = Gen.Select(Gen.Int[0, files.Length - 1], Gen.Int[0, 3], Gen.Int[0, 400], Gen.OneOf(pieces));
        using var copy = Copy();

        GeneratedRun.Check(damage, input =>
        {
            var (index, how, at, piece) = input;
            var original = File.ReadAllLines(files[index]);
            var target = Path.Combine(copy.Path, Path.GetRelativePath(_export.Path, files[index]));
            var lines = original.ToList();
            var line = Math.Min(at, Math.Max(lines.Count - 1, 0));
            switch (how)
            {
                case 0: lines = lines.Take(line).ToList(); break;
                case 1: lines.Insert(line, piece); break;
                case 2 when lines.Count > 0: lines.RemoveAt(line); break;
                default: if (lines.Count > 1) { (lines[0], lines[line]) = (lines[line], lines[0]); } break;
            }

            File.WriteAllLines(target, lines);
            try
            {
                ExportFolder.Read(copy.Path);
            }
            catch (ImportException refused)
            {
                Assert.False(string.IsNullOrEmpty(refused.File));
                Assert.InRange(refused.Line, 0, Math.Max(lines.Count, original.Length) + 2);
            }
            finally
            {
                File.WriteAllLines(target, original);
            }
        }, 300, [], _output, nameof(Machine_made_damage_is_read_or_refused_with_a_file_and_line));
    }

    /// <summary>
    /// Damage the reader lets through goes on to the writer: the whole import either succeeds or is refused with a file
    /// of the folder and a line, and then has written nothing. Lines are replaced by fields that clash (a title or a name
    /// another entry has, an address taken, a milestone without its label) as well as cut, added, dropped and swapped.
    /// </summary>
    [Fact]
    public async Task Machine_made_damage_that_the_reader_lets_through_is_imported_or_refused_with_a_file_and_line_writing_nothing()
    {
        var files = Directory.GetFiles(_export.Path, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        string[] pieces = ["title: Pilot", "name: Jim Halpert", "slug: pilot", "  label: ''", "  status: Married", "status: ''", "- pam-beesly", "aliases: [Pilot]", "kind: figure", "order: 1", ""];
        var damage = Gen.Select(Gen.Int[0, files.Length - 1], Gen.Int[0, 4], Gen.Int[0, 12], Gen.OneOf(pieces));
        using var copy = Copy();
        var (read, imported, refused) = (0, 0, 0);
        var samples = new List<(string File, string[] Lines, bool Replaced)>();
        GeneratedRun.Check(damage, input =>
        {
            var (index, how, at, piece) = input;
            var lines = File.ReadAllLines(files[index]).ToList();
            var line = Math.Min(at, Math.Max(lines.Count - 1, 0));
            switch (how)
            {
                case 0: lines = lines.Take(line).ToList(); break;
                case 1: lines.Insert(line, piece); break;
                case 2 when lines.Count > 0: lines.RemoveAt(line); break;
                case 3 when lines.Count > 1: (lines[1], lines[line]) = (lines[line], lines[1]); break;
                default: if (lines.Count > 0) { lines[line] = piece; } break;
            }

            var target = Path.Combine(copy.Path, Path.GetRelativePath(_export.Path, files[index]));
            var original = File.ReadAllLines(target);
            File.WriteAllLines(target, lines);
            try
            {
                ExportFolder.Read(copy.Path);
                read++;
                samples.Add((target, [.. lines], how == 4 && piece.Length > 0));
            }
            catch (ImportException)
            {
            }
            finally
            {
                File.WriteAllLines(target, original);
            }
        }, 200, [], _output, nameof(Machine_made_damage_that_the_reader_lets_through_is_imported_or_refused_with_a_file_and_line_writing_nothing));

        // Each import costs a database and seconds: a few that the reader let through go all the way, those with a field
        // replaced (which the writer may refuse) first.
        foreach (var (target, lines, _) in samples.OrderByDescending(s => s.Replaced).Take(6))
        {
            var original = File.ReadAllLines(target);
            File.WriteAllLines(target, lines);
            using var database = new TempFolder();
            var path = Path.Combine(database.Path, "wiki.db");
            try
            {
                var (exitCode, _, error) = await InProcessCommand.RunAsync(path, "", "import", copy.Path);
                if (exitCode == 0)
                {
                    imported++;
                    continue;
                }

                refused++;
                Assert.True(exitCode == 1, error);
                Assert.Matches(@"^import: [a-z0-9/._-]+\.md:\d+: .+\(nothing was written\)", error);

                // The database the import made goes again with its refusal; if one is left, it holds nothing.
                if (!File.Exists(path))
                {
                    continue;
                }

                using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly");
                connection.Open();
                using var count = connection.CreateCommand();
                count.CommandText = "SELECT (SELECT COUNT(*) FROM Seasons) + (SELECT COUNT(*) FROM Revisions) + (SELECT COUNT(*) FROM RelationshipEvents)";
                Assert.Equal(0L, (long)count.ExecuteScalar()!);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.WriteAllLines(target, original);
            }
        }

        _output.WriteLine($"200 damaged folders: {read} passed the reader; of {Math.Min(samples.Count, 6)} of those ({samples.Count(s => s.Replaced)} with a field replaced), {imported} imported and {refused} refused by the writer");
        Assert.True(read > 0, "no damage got past the reader");
        Assert.Equal(Math.Min(samples.Count, 6), imported + refused);
    }

    private TempFolder Copy()
    {
        var copy = new TempFolder();
        foreach (var file in Directory.GetFiles(_export.Path, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy.Path, Path.GetRelativePath(_export.Path, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }
}
