using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using JimPam.Wiki.Tests.Hosting;
using JimPam.Wiki.Tests.Pages.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Transfer;

/// <summary>What the tests of export and import share: edits of every kind, the commands, and comparing folders and pages.</summary>
public static partial class TransferTestKit
{
    public sealed record Edited(int Paragraph, int Episode, string DeletedText);

    /// <summary>Every kind of edit, through the writer the forms use (and the picture through its form).</summary>
    public static async Task<Edited> EditInEveryWayAsync(WikiAppFactory App, EditorSession Pam)
    {
        var figureEdit = (await Pam.GetPageAsync("/seasons/3")).QuerySelector("figure.event-figure .edit-links a")!.GetAttribute("href")!;
        using (var uploaded = await Pam.UploadAsync(figureEdit, new Dictionary<string, string> { ["Form.Image.Alt"] = "Jim and Pam on the roof", ["Form.Image.Credit"] = "A fan" },
            new UploadedFile("Form.Image.File", "roof.jpg", "image/jpeg", JimPam.Wiki.Tests.Media.TestPictures.Photo(900, 600).JpegsaveBuffer())))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
        var writer = scope.ServiceProvider.GetRequiredService<EntryWriter>();
        var cancel = CancellationToken.None;
        var episode = await db.Episodes.AsNoTracking().Include(e => e.Aliases).SingleAsync(e => e.Slug == "casino-night");
        Saved(await writer.SaveEpisodeAsync(episode.Id, episode.Revision, new EpisodeSnapshot("Casino Night at the Office", "casino-night-at-the-office", 2, episode.NumberInSeason, episode.AirDate, []), "pam", "Renamed", cancel));
        var pam = await db.Characters.AsNoTracking().Include(c => c.Aliases).SingleAsync(c => c.Slug == "pam-beesly");
        Saved(await writer.SaveCharacterAsync(pam.Id, pam.Revision, new CharacterSnapshot(pam.Name, pam.Slug, pam.FullName, pam.Actor, [.. pam.Aliases.Select(a => a.Name), "Pambo"]), "pam", "Alias", cancel));
        var parts = await db.Events.AsNoTracking().Where(e => e.Season.Number == 3 && e.Kind == EventKind.Paragraph).OrderBy(e => e.Order).ToListAsync();
        var (rewritten, deleted) = (parts[1], parts[2]);
        Saved(await writer.SaveEventAsync(new EventEdit(rewritten.Id, rewritten.Revision, "A paragraph rewritten before the export, at [[Casino Night at the Office]].", "Rewritten before the export",
            Milestone: new EventMilestone("A label from the export test", "Friends", null, "The Job")), "pam", cancel));
        Saved(await writer.DeleteEventAsync(deleted.Id, deleted.Revision, "pam", "Removed", cancel));
        var joke = await db.Jokes.AsNoTracking().OrderBy(j => j.Id).FirstAsync();
        Saved(await writer.DeleteJokeAsync(joke.Id, joke.Revision, "pam", "Removed", cancel));
        return new Edited(rewritten.Id, episode.Id, deleted.BodyMarkdown[..40]);
    }

    public static void Saved(EntrySaveResult result) => Assert.IsType<EntrySaveResult.Saved>(result);

    public static async Task<string> RunAsync(string database, params string[] command)
    {
        var (exitCode, output, error) = await InProcessCommand.RunAsync(database, "", command);
        Assert.True(exitCode == 0, error);
        return output;
    }

    public static async Task<int> CountAsync(WikiAppFactory app, Func<WikiDbContext, Task<int>> count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<WikiDbContext>());
    }

    public static void AssertSameFiles(string expected, string actual)
    {
        var files = Files(expected);
        Assert.Equal(files, Files(actual));
        foreach (var path in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, path)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, path))), path);
        }
    }

    public static List<string> Files(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Files(from))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, file))!);
            File.Copy(Path.Combine(from, file), Path.Combine(to, file));
        }
    }

    /// <summary>A page's main element, without the words of its times ("3 minutes ago"), which a minute's turn changes.</summary>
    public static string MainOf(IHtmlDocument page) => TimeText().Replace(page.QuerySelector("main")?.OuterHtml ?? "", "<time$1>");

    [GeneratedRegex("<time([^>]*)>[^<]*")]
    private static partial Regex TimeText();

    /// <summary>A new, empty database of the run's engine: a SQLite file in a temp folder, or a PostgreSQL database dropped afterwards.</summary>
    public sealed class EmptyDatabase : IDisposable
    {
        private readonly TempFolder _folder = new();

        public EmptyDatabase() => Name = TestPostgres.Enabled ? TestPostgres.CreateDatabase(fromTemplate: false) : Path.Combine(_folder.Path, "wiki.db");

        public string Name { get; }

        public void Dispose()
        {
            if (TestPostgres.Enabled)
            {
                TestPostgres.DropDatabase(Name);
            }

            _folder.Dispose();
        }
    }
}
