using System.Security.Cryptography;
using System.Text;
using JimPam.Wiki.Entries;
using JimPam.Wiki.Tests.Hosting;
using JimPam.Wiki.Tests.Pages.Account;
using Microsoft.Data.Sqlite;
using static JimPam.Wiki.Tests.Transfer.TransferTestKit;

namespace JimPam.Wiki.Tests.Transfer;

/// <summary>
/// An import takes only what a form would: plain files inside its folder (a symbolic link to a file elsewhere, or to
/// a folder, is refused, so an export cannot publish a file of the machine), front matter whose nesting, anchors and
/// aliases an export never has (refused at its line, where YamlDotNet overflowed the stack), UTF-8 text, every field
/// within the writer's limits (the forms' own), and pictures the intake would have made (named by their hash, no
/// markup, no metadata). Each refusal names the file and line, and nothing is left behind: not even the SQLite file
/// the import migrated.
/// </summary>
[Trait("Engine", "Any")]
public sealed class HostileImportTests(HostileImportTests.EditedExport export) : IClassFixture<HostileImportTests.EditedExport>
{
    /// <summary>The seeded wiki with a picture uploaded, exported once for the class.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1034", Justification = "The fixture belongs to this test class alone.")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
    public sealed class EditedExport : IAsyncLifetime
    {
        private readonly TempFolder _folder = new();

        public string Path => System.IO.Path.Combine(_folder.Path, "export");

        public async Task InitializeAsync()
        {
            await using var app = new WikiAppFactory();
            await EditorSession.AddEditorAsync(app, "pam");
            using var pam = new EditorSession(app);
            (await pam.LogInAsync("pam")).Dispose();
            await EditInEveryWayAsync(app, pam);
            await RunAsync(app.DatabasePath, "export", Path);
        }

        public Task DisposeAsync()
        {
            _folder.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_picture_file_linked_to_a_file_outside_the_folder_is_refused_and_nothing_is_left()
    {
        using var copy = Copy();
        var picture = PictureFiles(copy.Path).First();
        using var secret = new TempFolder();
        var elsewhere = System.IO.Path.Combine(secret.Path, "secret.txt");
        await File.WriteAllTextAsync(elsewhere, "the machine's secret");
        File.Delete(picture);
        File.CreateSymbolicLink(picture, elsewhere);

        var (exitCode, error) = await ImportRefusedAsync(copy.Path);

        Assert.Equal(1, exitCode);
        Assert.Contains($"media/files/{System.IO.Path.GetFileName(picture)}: is a symbolic link", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_linked_entry_file_or_a_linked_folder_of_a_relationships_story_is_refused()
    {
        using var elsewhere = new TempFolder();
        using (var copy = Copy())
        {
            var season = System.IO.Path.Combine(copy.Path, "seasons", "season-01.md");
            var moved = System.IO.Path.Combine(elsewhere.Path, "season-01.md");
            File.Move(season, moved);
            File.CreateSymbolicLink(season, moved);

            var (_, error) = await ImportRefusedAsync(copy.Path);

            Assert.Contains("seasons/season-01.md: is a symbolic link", error, StringComparison.Ordinal);
        }

        using (var copy = Copy())
        {
            var story = Directory.GetDirectories(System.IO.Path.Combine(copy.Path, "events")).First();
            var moved = System.IO.Path.Combine(elsewhere.Path, "events");
            Directory.Move(story, moved);
            Directory.CreateSymbolicLink(story, moved);

            var (_, error) = await ImportRefusedAsync(copy.Path);

            Assert.Contains($"events/{System.IO.Path.GetFileName(story)}: is a symbolic link", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_picture_file_whose_bytes_are_a_page_is_refused()
    {
        using var copy = Copy();
        var picture = PictureFiles(copy.Path).First();
        await File.WriteAllTextAsync(picture, "<!doctype html><script>alert(document.cookie)</script>");

        var (_, error) = await ImportRefusedAsync(copy.Path);

        Assert.Contains("media/pictures.jsonl:", error, StringComparison.Ordinal);
        Assert.Contains("not the ones its name is the hash of", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_picture_that_carries_gps_metadata_under_its_own_hash_is_refused()
    {
        using var copy = Copy();
        var picture = PictureFiles(copy.Path).First(f => f.EndsWith(".jpg", StringComparison.Ordinal));
        var tagged = JimPam.Wiki.Tests.Media.TestPictures.WithGpsExif(await File.ReadAllBytesAsync(picture));
        var name = $"{Convert.ToHexStringLower(SHA256.HashData(tagged))[..32]}.jpg";
        File.Delete(picture);
        await File.WriteAllBytesAsync(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(picture)!, name), tagged);
        Rename(copy.Path, System.IO.Path.GetFileName(picture), name);

        var (_, error) = await ImportRefusedAsync(copy.Path);

        Assert.Contains($"media/files/{name}: the picture holds metadata (exif-data)", error, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> DeepFrontMatter => new()
    {
        { "deep: " + new string('[', 100_000), "nest more than 8 deep" },
        { "deep: " + string.Concat(Enumerable.Repeat("{a: ", 20_000)), "nest more than 8 deep" },
        { "deep: &a [*a]", "YAML anchor" },
        { "deep: *a", "YAML alias" },
    };

    /// <summary>In a process of its own: the stack overflow these caused ended the whole process (exit 134).</summary>
    [Theory]
    [MemberData(nameof(DeepFrontMatter))]
    public async Task Front_matter_nested_too_deep_or_with_aliases_is_refused_at_its_line_without_a_crash(string line, string expected)
    {
        using var copy = Copy();
        var season = System.IO.Path.Combine(copy.Path, "seasons", "season-02.md");
        var lines = (await File.ReadAllLinesAsync(season)).ToList();
        lines.Insert(2, line);
        await File.WriteAllLinesAsync(season, lines);
        using var database = new TempFolder();
        var path = System.IO.Path.Combine(database.Path, "wiki.db");

        var (exitCode, _, error) = await AppProcess.RunCommandAsync(path, "", "import", copy.Path, "--Database:Provider=Sqlite");

        Assert.Equal(1, exitCode);
        Assert.Contains("seasons/season-02.md:3", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(File.Exists(path), "the import left a database behind");
    }

    [Fact]
    public async Task A_paragraph_over_the_forms_limit_is_refused_by_the_writer_at_its_line()
    {
        using var copy = Copy();
        var part = Directory.GetFiles(System.IO.Path.Combine(copy.Path, "events"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var text = await File.ReadAllTextAsync(part);
        await File.WriteAllTextAsync(part, text.TrimEnd('\n') + " " + new string('a', 200_000) + "\n");

        var (_, error) = await ImportRefusedAsync(copy.Path);

        var relative = System.IO.Path.GetRelativePath(copy.Path, part).Replace('\\', '/');
        var bodyLine = text[..(text.IndexOf("\n---\n", 3, StringComparison.Ordinal) + 5)].Count(c => c == '\n') + 1;
        Assert.Contains($"{relative}:{bodyLine}: This is too long: at most 20,000 characters.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_file_of_30_mb_is_refused_before_it_is_read()
    {
        using var copy = Copy();
        var part = Directory.GetFiles(System.IO.Path.Combine(copy.Path, "events"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        await using (var file = File.AppendText(part))
        {
            await file.WriteAsync(new string('a', 30 * 1024 * 1024));
        }

        var (_, error) = await ImportRefusedAsync(copy.Path);

        Assert.Contains("an entry's file is at most 1,048,576", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_refused_at_their_line_in_an_entry_and_in_the_revisions()
    {
        using (var copy = Copy())
        {
            var character = System.IO.Path.Combine(copy.Path, "characters", "0002-pam-beesly.md");
            var bytes = (await File.ReadAllBytesAsync(character)).ToList();
            var secondLine = bytes.IndexOf((byte)'\n') + 1;
            bytes.InsertRange(secondLine, Encoding.ASCII.GetBytes("# Caf").Append((byte)0xE9).Append((byte)'\n'));
            await File.WriteAllBytesAsync(character, [.. bytes]);

            var (_, error) = await ImportRefusedAsync(copy.Path);

            Assert.Contains("characters/0002-pam-beesly.md:2: the file is not UTF-8 text: the byte 0xE9", error, StringComparison.Ordinal);
        }

        using (var copy = Copy())
        {
            var revisions = System.IO.Path.Combine(copy.Path, "revisions.jsonl");
            var lines = await File.ReadAllLinesAsync(revisions);
            using (var file = File.Create(revisions))
            {
                for (var i = 0; i < lines.Length; i++)
                {
                    var line = Encoding.UTF8.GetBytes(lines[i]);
                    await file.WriteAsync(i == 4 ? line.Select(b => b == (byte)'e' ? (byte)0xFF : b).ToArray() : line);
                    file.WriteByte((byte)'\n');
                }
            }

            var (_, error) = await ImportRefusedAsync(copy.Path);

            Assert.Contains("revisions.jsonl:5: the file is not UTF-8 text: the byte 0xFF", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_nul_in_a_name_is_refused_by_the_writer()
    {
        using var copy = Copy();
        var character = System.IO.Path.Combine(copy.Path, "characters", "0002-pam-beesly.md");
        var text = await File.ReadAllTextAsync(character);
        await File.WriteAllTextAsync(character, text.Replace("name: Pam Beesly", "name: \"Pam\\0 Beesly\"", StringComparison.Ordinal));

        var (_, error) = await ImportRefusedAsync(copy.Path);

        Assert.Contains("characters/0002-pam-beesly.md:", error, StringComparison.Ordinal);
        Assert.Contains(EntryRules.Unsendable, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"author\":\"pa\\u0000m\"")]
    [InlineData("\"summary\":\"half a pair: \\ud800\"")]
    public async Task A_revision_kept_verbatim_is_refused_when_it_holds_text_no_form_can_send(string field)
    {
        using var copy = Copy();
        var revisions = System.IO.Path.Combine(copy.Path, "revisions.jsonl");
        var lines = await File.ReadAllLinesAsync(revisions);
        var key = field[..(field.IndexOf(':', StringComparison.Ordinal) + 1)];
        var at = lines[6].IndexOf(key, StringComparison.Ordinal);
        var end = lines[6].IndexOf("\",\"", at + key.Length, StringComparison.Ordinal) + 1;
        lines[6] = lines[6][..at] + field + lines[6][end..];
        await File.WriteAllLinesAsync(revisions, lines);

        var (_, error) = await ImportRefusedAsync(copy.Path);

        Assert.Contains("revisions.jsonl:7:", error, StringComparison.Ordinal);
    }

    /// <summary>Runs the import into a new database; it must fail, write nothing, and (on SQLite) leave no file.</summary>
    private static async Task<(int ExitCode, string Error)> ImportRefusedAsync(string folder)
    {
        using var empty = new EmptyDatabase();
        var (exitCode, output, error) = await InProcessCommand.RunAsync(empty.Name, "", "import", folder);
        Assert.True(exitCode == 1, $"exit {exitCode}: {output}{error}");
        Assert.Contains("(nothing was written)", error, StringComparison.Ordinal);
        if (TestPostgres.Enabled)
        {
            await using var connection = new Npgsql.NpgsqlConnection(TestPostgres.ConnectionString(empty.Name));
            await connection.OpenAsync();
            await using var tables = new Npgsql.NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name = 'Seasons'", connection);
            if ((long)(await tables.ExecuteScalarAsync())! > 0)
            {
                await using var seasons = new Npgsql.NpgsqlCommand("SELECT count(*) FROM \"Seasons\"", connection);
                Assert.Equal(0L, (long)(await seasons.ExecuteScalarAsync())!);
            }
        }
        else
        {
            SqliteConnection.ClearAllPools();
            Assert.False(File.Exists(empty.Name), "the import left a database behind");
        }

        return (exitCode, error);
    }

    private TempFolder Copy()
    {
        var copy = new TempFolder();
        CopyFolder(export.Path, copy.Path);
        return copy;
    }

    private static IEnumerable<string> PictureFiles(string folder) =>
        Directory.GetFiles(System.IO.Path.Combine(folder, "media", "files")).Order(StringComparer.Ordinal);

    /// <summary>Names a picture's file anew in media/pictures.jsonl and in the parts of the story that show it.</summary>
    private static void Rename(string folder, string from, string to)
    {
        var list = System.IO.Path.Combine(folder, "media", "pictures.jsonl");
        File.WriteAllText(list, File.ReadAllText(list).Replace(from, to, StringComparison.Ordinal));
        foreach (var part in Directory.GetFiles(System.IO.Path.Combine(folder, "events"), "*.md", SearchOption.AllDirectories))
        {
            File.WriteAllText(part, File.ReadAllText(part).Replace(from, to, StringComparison.Ordinal));
        }
    }
}
