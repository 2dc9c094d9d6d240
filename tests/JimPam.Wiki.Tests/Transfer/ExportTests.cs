using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using JimPam.Wiki.Content;
using JimPam.Wiki.Transfer;
using JimPam.Wiki.Tests.Hosting;
using JimPam.Wiki.Tests.Pages.Admin;

namespace JimPam.Wiki.Tests.Transfer;

/// <summary>
/// <c>export FOLDER</c>: the wiki as plain files. Two exports of an unchanged wiki are byte for byte the same; an
/// export of the seeded wiki still holds every line of the source article; an uploaded picture's files and its
/// figure's words are in it; and it never writes into a folder that holds something.
/// </summary>
[Trait("Engine", "Any")]
public sealed partial class ExportTests : EditorTestBase
{
    [Fact]
    public async Task Two_exports_of_an_unchanged_wiki_are_byte_for_byte_the_same_and_hold_every_line_of_the_source_article()
    {
        using var folder = new TempFolder();
        var (first, second) = (Path.Combine(folder.Path, "first"), Path.Combine(folder.Path, "second"));

        var run = await ExportAsync(first);
        await ExportAsync(second);

        Assert.Matches(@"^export: [\d,]+ files \([\d,]+ bytes\) written to ", run);
        var files = Files(first);
        Assert.Equal(files, Files(second));
        foreach (var path in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first, path)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, path))), path);
        }

        Assert.Contains("revisions.jsonl", files);
        Assert.Equal(9, files.Count(f => f.StartsWith("seasons/", StringComparison.Ordinal)));
        Assert.Contains(files, f => f.StartsWith("events/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("relationships/", StringComparison.Ordinal));

        // Format 2 names its folders with the glossary's words: no folder of the format says the retired "couple" or
        // "story" (an entry's own address may: the episode "Couples Discount").
        Assert.Contains(ExportFolder.FormatFile, files);
        var folders = files.Select(f => f.Split('/')[0]).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["characters", "episodes", "events", "export.yml", "jokes", "media", "redirects.jsonl", "relationships", "revisions.jsonl", "seasons"], folders);

        // Every line of the article, as its Markdown reads once rendered (citations become links, whose text stays).
        var text = Normalise(string.Join("\n", files.Where(f => f.EndsWith(".md", StringComparison.Ordinal))
            .Select(f => f + "\n" + RenderedText(File.ReadAllText(Path.Combine(first, f))))));
        var missing = TestPaths.ArticleText.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)
            .Where(line => !AsExported(line).All(part => text.Contains(Normalise(part), StringComparison.Ordinal))).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public async Task A_picture_goes_out_with_its_files_and_its_figures_words()
    {
        var figureEdit = (await Pam.GetPageAsync("/seasons/3")).QuerySelector("figure.event-figure .edit-links a")!.GetAttribute("href")!;
        using (var uploaded = await Pam.UploadAsync(figureEdit, new Dictionary<string, string> { ["Form.Image.Alt"] = "Jim and Pam on the roof", ["Form.Image.Credit"] = "A fan" },
            new Pages.Account.UploadedFile("Form.Image.File", "roof.jpg", "image/jpeg", Media.TestPictures.Photo(900, 600).JpegsaveBuffer())))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        using var folder = new TempFolder();
        await ExportAsync(folder.Path);

        var figure = Files(folder.Path).Where(f => f.StartsWith("events/", StringComparison.Ordinal)).Select(f => File.ReadAllText(Path.Combine(folder.Path, f)))
            .Single(t => t.Contains("Jim and Pam on the roof", StringComparison.Ordinal));
        Assert.Contains("credit: A fan", figure, StringComparison.Ordinal);
        var file = FileName().Match(figure).Value;
        Assert.True(File.Exists(Path.Combine(folder.Path, "media", "files", file)), file);
        Assert.Equal(10, Directory.GetFiles(Path.Combine(folder.Path, "media", "files")).Length);
        Assert.Contains(file, File.ReadAllText(Path.Combine(folder.Path, "media", "pictures.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_never_writes_into_a_folder_that_holds_something()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "notes.txt"), "mine");

        var (exitCode, _, error) = await InProcessCommand.RunAsync(App.DatabasePath, "", "export", folder.Path);

        Assert.Equal(1, exitCode);
        Assert.Contains("is not empty", error, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    private async Task<string> ExportAsync(string folder)
    {
        var (exitCode, output, error) = await InProcessCommand.RunAsync(App.DatabasePath, "", "export", folder);
        Assert.True(exitCode == 0, error);
        return output;
    }

    private static List<string> Files(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    /// <summary>A file's front matter as it stands, and its Markdown body as a reader sees it (its text once rendered).</summary>
    private static string RenderedText(string file)
    {
        var end = file.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        var body = file[(end + 5)..];
        var html = TestLinks.Markdown.ToHtml(body, WikiLinkResolver.Empty);
        return file[..end] + "\n" + new HtmlParser().ParseDocument(html).Body!.TextContent;
    }

    /// <summary>
    /// How a source line is kept, as the parts that must all be in the export: a season heading as its season's title; the
    /// other section headings as where their contents go (the jokes' folder, the behind-the-scenes field); the epigraph's
    /// attribution as its speaker and episode; a footnote marker as its field; bullets without the bullet; the status as
    /// its field.
    /// </summary>
    private static string[] AsExported(string line)
    {
        var footnote = Footnote().Match(line);
        return line switch
        {
            "Recurring jokes[]" => ["jokes/jim-and-pam/"],
            "Behind the scenes[]" => ["behind_the_scenes:"],
            _ when line.EndsWith("[]", StringComparison.Ordinal) => [line[..^2]],
            _ when line.StartsWith('—') && line.Split(", ") is [var speaker, var episode] => [$"speaker: {speaker[1..]}", $"episode: {Slug.From(episode)}"],
            _ when line.StartsWith('•') && footnote.Success => [line[1..footnote.Index].Trim(), $"behind_the_scenes_footnote: {footnote.Groups[1].Value}"],
            _ when line.StartsWith('•') => [line[1..].Trim()],
            _ when line.StartsWith("Status: ", StringComparison.Ordinal) => [$"status: {line["Status: ".Length..]}"],
            _ => [line],
        };
    }

    [GeneratedRegex(@"\[(\d+)\]$")]
    private static partial Regex Footnote();

    private static string Normalise(string text) =>
        Whitespace().Replace(text.Replace("\\\"", "\"", StringComparison.Ordinal), " ").Replace("— ", "—", StringComparison.Ordinal).Replace(" ,", ",", StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"[\s\u00a0]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("[0-9a-f]{32}\\.(jpg|png)")]
    private static partial Regex FileName();
}
