using System.Net;
using JimPam.Wiki.Tests.Hosting;
using JimPam.Wiki.Tests.Pages.Account;
using JimPam.Wiki.Tests.Pages.Admin;
using Microsoft.EntityFrameworkCore;
using static JimPam.Wiki.Tests.Transfer.TransferTestKit;

namespace JimPam.Wiki.Tests.Transfer;

/// <summary>
/// <c>import FOLDER</c>: an export brought back into an empty database. A wiki edited in every way an editor can
/// (a renamed episode, a character's new alias, a paragraph's new text and milestone, a deleted part and a deleted
/// joke, an uploaded picture) exports, imports and exports again to the same bytes, and the imported wiki serves the
/// same pages; a damaged folder, or one the writer refuses half way, is refused with its file and line and leaves the
/// database empty; a wiki is never imported over another.
/// </summary>
[Trait("Engine", "Any")]
public sealed class ImportTests : EditorTestBase
{
    /// <summary>Public pages of every kind, and the old address of the renamed episode.</summary>
    private static readonly string[] Pages =
    [
        "/", "/seasons", "/seasons/2", "/seasons/3", "/seasons/5", "/episodes", "/episodes/casino-night-at-the-office", "/characters",
        "/characters/pam-beesly", "/relationships/jim-and-pam/timeline", "/recent-changes", "/search?q=roof",
    ];

    [Fact]
    public async Task A_wiki_edited_in_every_way_comes_back_from_its_export_byte_for_byte_and_serves_the_same_pages()
    {
        var edited = await EditInEveryWayAsync(App, Pam);
        using var folder = new TempFolder();
        var (first, second) = (Path.Combine(folder.Path, "first"), Path.Combine(folder.Path, "second"));
        await RunAsync(App.DatabasePath, "export", first);
        using var empty = new EmptyDatabase();

        var imported = await RunAsync(empty.Name, "import", first);
        await RunAsync(empty.Name, "export", second);

        Assert.Matches(@"^import: [\d,]+ entries, 1 pictures and [\d,]+ revisions from .+ in [\d,]+ ms", imported);
        AssertSameFiles(first, second);

        await using var restored = WikiAppFactory.OnDatabase(empty.Name);
        foreach (var url in Pages.Append($"/history/event/{edited.Paragraph}").Append($"/history/episode/{edited.Episode}"))
        {
            var (original, copy) = (await App.GetPageAsync(url), await restored.GetPageAsync(url));
            Assert.True(copy.Response.StatusCode == HttpStatusCode.OK, $"{url}: {copy.Response.StatusCode}");
            Assert.True(MainOf(original.Document) == MainOf(copy.Document), $"{url} differs:\n{MainOf(original.Document)}\n----\n{MainOf(copy.Document)}");
        }

        // What the edits left, as readers meet it in the imported wiki.
        var (moved, _) = await restored.GetPageAsync("/episodes/casino-night");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/episodes/casino-night-at-the-office", moved.Headers.Location?.OriginalString);
        var season = (await restored.GetPageAsync("/seasons/3")).Document;
        Assert.Contains("A paragraph rewritten before the export", season.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(edited.DeletedText, season.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var picture = season.QuerySelector("main picture img")!;
        Assert.Equal("Jim and Pam on the roof", picture.GetAttribute("alt"));
        using var reader = restored.CreateReader();
        using var file = await reader.GetAsync(new Uri(picture.GetAttribute("src")!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/jpeg", file.Content.Headers.ContentType?.MediaType);

        // An editor of the imported wiki goes on from the history it came with.
        await EditorSession.AddEditorAsync(restored, "pam");
        using var pam = new EditorSession(restored);
        (await pam.LogInAsync("pam")).Dispose();
        using var saved = await pam.SubmitAsync($"/admin/events/{edited.Paragraph}/edit", new Dictionary<string, string> { ["Form.Body"] = "Written after the import.", ["Form.Summary"] = "After" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var history = (await restored.GetPageAsync($"/history/event/{edited.Paragraph}")).Document.QuerySelector("main")!.TextContent;
        Assert.Contains("Revision 3", history, StringComparison.Ordinal);
        Assert.Contains("Rewritten before the export", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_of_format_1_imports_as_the_same_wiki_and_a_format_this_version_does_not_know_is_refused()
    {
        await EditInEveryWayAsync(App, Pam);
        using var folder = new TempFolder();
        var export = Path.Combine(folder.Path, "export");
        await RunAsync(App.DatabasePath, "export", export);
        Assert.Equal("format: 2\n", File.ReadAllText(Path.Combine(export, "export.yml")));

        // Format 1, as versions before it wrote: couples/ and story/, no export.yml.
        var old = Path.Combine(folder.Path, "format-1");
        CopyFolder(export, old);
        Directory.Move(Path.Combine(old, "relationships"), Path.Combine(old, "couples"));
        Directory.Move(Path.Combine(old, "events"), Path.Combine(old, "story"));
        File.Delete(Path.Combine(old, "export.yml"));
        using var empty = new EmptyDatabase();
        await RunAsync(empty.Name, "import", old);
        var again = Path.Combine(folder.Path, "again");
        await RunAsync(empty.Name, "export", again);
        AssertSameFiles(export, again);

        // A format from a later version is refused at its line, before anything is written.
        var newer = Path.Combine(folder.Path, "format-3");
        CopyFolder(export, newer);
        File.WriteAllText(Path.Combine(newer, "export.yml"), "format: 3\n");
        using var another = new EmptyDatabase();
        var (exitCode, _, error) = await InProcessCommand.RunAsync(another.Name, "", "import", newer);
        Assert.Equal(1, exitCode);
        Assert.Contains("export.yml:1: this version reads export formats 1 and 2, not \"3\" (the folder was written by a newer version)", error, StringComparison.Ordinal);

        // One that is not YAML is refused at its line too.
        File.WriteAllText(Path.Combine(newer, "export.yml"), "# written by hand\nformat: [2\n");
        (exitCode, _, error) = await InProcessCommand.RunAsync(another.Name, "", "import", newer);
        Assert.Equal(1, exitCode);
        Assert.Matches(@"export\.yml:[23](:\d+)?: the front matter is not valid YAML", error);
    }

    [Fact]
    public async Task A_damaged_folder_is_refused_with_its_file_and_line_and_leaves_the_database_empty()
    {
        await EditInEveryWayAsync(App, Pam);
        using var folder = new TempFolder();
        var export = Path.Combine(folder.Path, "export");
        await RunAsync(App.DatabasePath, "export", export);
        var revisions = Path.Combine(export, "revisions.jsonl");
        var lines = File.ReadAllLines(revisions);
        using var empty = new EmptyDatabase();

        // A revision out of order: the second line swapped with the first of the same entry's is refused at its line.
        var swapped = Path.Combine(folder.Path, "swapped");
        CopyFolder(export, swapped);
        var second = Array.FindIndex(lines, l => l.Contains("\"number\":2,", StringComparison.Ordinal));
        Assert.True(second > 0, "the export has an entry with two revisions");
        File.WriteAllLines(Path.Combine(swapped, "revisions.jsonl"), [.. lines[..(second - 1)], lines[second], lines[second - 1], .. lines[(second + 1)..]]);
        var (exitCode, _, error) = await InProcessCommand.RunAsync(empty.Name, "", "import", swapped);
        Assert.Equal(1, exitCode);
        Assert.Contains($"revisions.jsonl:{second}: revision 2 of ", error, StringComparison.Ordinal);
        Assert.Contains("nothing was written", error, StringComparison.Ordinal);

        // A milestone with a status but no label passes the folder's checks; the writer refuses it at the story's last
        // part, after every season, episode, character and relationship was written: all of that is rolled back.
        var unlabelled = Path.Combine(folder.Path, "unlabelled");
        CopyFolder(export, unlabelled);
        var part = Directory.GetFiles(Path.Combine(unlabelled, "events"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Last();
        var text = File.ReadAllLines(part).ToList();
        var milestone = text.FindIndex(l => l.StartsWith("milestone:", StringComparison.Ordinal));
        text[milestone] = "milestone:";
        while (text[milestone + 1].StartsWith("  ", StringComparison.Ordinal))
        {
            text.RemoveAt(milestone + 1);
        }

        text.Insert(milestone + 1, "  label: ''");
        text.Insert(milestone + 2, "  status: Engaged");
        File.WriteAllLines(part, text);
        (exitCode, _, error) = await InProcessCommand.RunAsync(empty.Name, "", "import", unlabelled);
        Assert.True(exitCode == 1, error);
        Assert.Contains($"{Path.GetRelativePath(unlabelled, part).Replace('\\', '/')}:{milestone + 2}: Give the milestone a label", error, StringComparison.Ordinal);

        // Nothing of either try was written: the whole export still imports into the same database, and gives itself back.
        await RunAsync(empty.Name, "import", export);
        var again = Path.Combine(folder.Path, "again");
        await RunAsync(empty.Name, "export", again);
        AssertSameFiles(export, again);
    }

    [Fact]
    public async Task A_wiki_is_never_imported_over_another()
    {
        using var folder = new TempFolder();
        var export = Path.Combine(folder.Path, "export");
        await RunAsync(App.DatabasePath, "export", export);
        var before = await CountAsync(App, db => db.Revisions.CountAsync());

        var (exitCode, _, error) = await InProcessCommand.RunAsync(App.DatabasePath, "", "import", export);

        Assert.Equal(1, exitCode);
        Assert.Contains("already holds a wiki", error, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(App, db => db.Revisions.CountAsync()));
    }
}
