using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Hosting;

/// <summary>Start-up creates, migrates and seeds the database once; later starts keep what is there.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static WikiAppFactory StartApp(string database) => WikiAppFactory.OnDatabase(database);

    [Fact]
    public async Task First_start_creates_the_database_file_in_a_folder_that_did_not_exist_and_seeds_it()
    {
        var database = Path.Combine(_folder.Path, "nested", "App_Data", "wiki.db");

        await using (var app = StartApp(database))
        {
            using var client = app.CreateClient();
            var response = await client.GetAsync(new Uri("/seasons/1", UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        Assert.True(File.Exists(database));
    }

    [Fact]
    public async Task A_restart_keeps_the_existing_data_and_imports_nothing_twice()
    {
        var database = Path.Combine(_folder.Path, "wiki.db");
        await using (var first = StartApp(database))
        {
            using var scope = first.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
            var season = await db.Seasons.AsNoTracking().SingleAsync(s => s.Number == 7);
            var saved = await scope.ServiceProvider.GetRequiredService<EntryWriter>().SaveSeasonAsync(
                season.Id, season.Revision, new SeasonSnapshot("Edited by a test before the restart."), "test", "Edited", CancellationToken.None);
            Assert.IsType<EntrySaveResult.Saved>(saved);
        }

        await using var second = StartApp(database);
        using var secondScope = second.Services.CreateScope();
        var reopened = secondScope.ServiceProvider.GetRequiredService<WikiDbContext>();
        Assert.Equal(SeedCounts.Events, await reopened.Events.CountAsync());
        Assert.Equal(SeedCounts.Episodes, await reopened.Episodes.CountAsync());
        Assert.Equal(1, await reopened.Relationships.CountAsync());
        Assert.Equal("Edited by a test before the restart.", (await reopened.Seasons.SingleAsync(s => s.Number == 7)).Summary);
    }

    [Fact]
    public async Task A_database_made_before_last_edits_were_stored_gets_them_from_its_revisions_at_start_up()
    {
        var database = Path.Combine(_folder.Path, "wiki.db");
        string lastEdited;
        await using (var first = StartApp(database))
        {
            using var scope = first.Services.CreateScope();
            var season = await scope.ServiceProvider.GetRequiredService<WikiDbContext>().Seasons.AsNoTracking().SingleAsync(s => s.Number == 3);
            var saved = await scope.ServiceProvider.GetRequiredService<EntryWriter>().SaveSeasonAsync(
                season.Id, season.Revision, new SeasonSnapshot(season.Summary + " Edited."), "angela", "Edited", CancellationToken.None);
            Assert.IsType<EntrySaveResult.Saved>(saved);
            var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
            Assert.Equal("angela", (await db.Seasons.AsNoTracking().SingleAsync(s => s.Number == 3)).EditedBy);
            using var client = first.CreateClient();
            lastEdited = LastEditedLine(await client.GetStringAsync(new Uri("/episodes/the-dundies", UriKind.Relative)));

            // What a database of the version before stored last edits looks like: the columns empty, no mark.
            await db.Seasons.ExecuteUpdateAsync(e => e.SetProperty(x => x.EditedBy, (string?)null).SetProperty(x => x.EditedAt, (DateTimeOffset?)null));
            await db.Episodes.ExecuteUpdateAsync(e => e.SetProperty(x => x.EditedBy, (string?)null).SetProperty(x => x.EditedAt, (DateTimeOffset?)null));
            await db.SiteSettings.Where(s => s.Key == new LastEdited().Key).ExecuteDeleteAsync();
        }

        await using var second = StartApp(database);
        using var secondScope = second.Services.CreateScope();
        var reopened = secondScope.ServiceProvider.GetRequiredService<WikiDbContext>();
        Assert.Equal("angela", (await reopened.Seasons.AsNoTracking().SingleAsync(s => s.Number == 3)).EditedBy);
        Assert.False(await reopened.Episodes.AnyAsync(e => e.EditedBy == null || e.EditedAt == null));
        using var secondClient = second.CreateClient();
        Assert.Equal(lastEdited, LastEditedLine(await secondClient.GetStringAsync(new Uri("/episodes/the-dundies", UriKind.Relative))));
        Assert.Contains("import", lastEdited, StringComparison.Ordinal);
    }

    /// <summary>
    /// A database as an older version left it: an app's first start seeds it, season 3 is read, then
    /// <paramref name="change"/> makes it what that version would have written, and the app stops.
    /// </summary>
    private async Task<(string Database, string Season3)> LeftByAnOlderVersionAsync(Func<WikiDbContext, Task> change)
    {
        var database = Path.Combine(_folder.Path, "wiki.db");
        await using var first = StartApp(database);
        var season3 = await SeasonThreeStoryAsync(first);
        using var scope = first.Services.CreateScope();
        await change(scope.ServiceProvider.GetRequiredService<WikiDbContext>());
        return (database, season3);
    }

    /// <summary>The story of season 3 as the app shows it, checked to be the seed's.</summary>
    private static async Task<string> SeasonThreeStoryAsync(WikiAppFactory app)
    {
        using var client = app.CreateClient();
        var story = Story(await client.GetStringAsync(new Uri("/seasons/3", UriKind.Relative)));
        Assert.Contains("After Jim and Pam part from their kiss", story, StringComparison.Ordinal);
        return story;
    }

    private static string LastEditedLine(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector(".last-edited")!.TextContent.Trim();

    [Fact]
    public async Task A_database_whose_bodies_have_no_stored_html_gets_it_rendered_at_start_up()
    {
        // What a database saved by the version before stored HTML looks like.
        var (database, storedSeason3) = await LeftByAnOlderVersionAsync(async db =>
        {
            await db.Events.ExecuteUpdateAsync(e => e.SetProperty(x => x.BodyHtml, (string?)null));
            await db.Jokes.ExecuteUpdateAsync(j => j.SetProperty(x => x.BodyHtml, (string?)null));
            await db.Relationships.ExecuteUpdateAsync(r => r.SetProperty(x => x.IntroHtml, (string?)null));
            await db.WikiLinks.ExecuteDeleteAsync();
        });

        await using var second = StartApp(database);
        using var secondClient = second.CreateClient();
        Assert.Equal(storedSeason3, Story(await secondClient.GetStringAsync(new Uri("/seasons/3", UriKind.Relative))));
        using var secondScope = second.Services.CreateScope();
        var reopened = secondScope.ServiceProvider.GetRequiredService<WikiDbContext>();
        Assert.False(await reopened.Events.AnyAsync(e => e.BodyHtml == null));
        Assert.False(await reopened.Relationships.AnyAsync(r => r.IntroHtml == null));
        Assert.True(await reopened.WikiLinks.AnyAsync());
    }

    [Fact]
    public async Task Html_stored_by_another_version_of_the_rendering_is_rendered_again_at_start_up()
    {
        var (database, storedSeason3) = await LeftByAnOlderVersionAsync(async db =>
        {
            Assert.Equal(StoredBodies.RendererVersion, (await db.SiteSettings.SingleAsync(s => s.Key == SiteSetting.RenderedWith)).Value);

            // As an older rendering would have left it: other HTML, and another version recorded.
            await db.Events.ExecuteUpdateAsync(e => e.SetProperty(x => x.BodyHtml, "<p>rendered the old way</p>"));
            await db.SiteSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, "2026-01-01.0"));
        });

        await using var second = StartApp(database);
        using var secondClient = second.CreateClient();
        Assert.Equal(storedSeason3, Story(await secondClient.GetStringAsync(new Uri("/seasons/3", UriKind.Relative))));
    }

    // The season's story as the page shows it, without the "last edited ... ago" line, which moves with the clock.
    private static string Story(string page) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page).QuerySelectorAll("article.season .event, article.season .event-figure").Aggregate("", (all, e) => all + e.OuterHtml);

    public void Dispose() => _folder.Dispose();
}
