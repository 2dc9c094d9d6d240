using JimPam.Wiki.Data.Sqlite;
using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Tests.Import;

/// <summary>A wiki seeded before air dates and milestones were in the seed data gets them on its next start, once.</summary>
public sealed class SeedUpgradeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Database => Path.Combine(_folder.Path, "wiki.db");

    /// <summary>A database as an older version left it: the seed imported, but without air dates, milestones or the marks.</summary>
    private async Task SeedAsOlderVersionAsync(Func<WikiDbContext, Task>? editorsChanges = null)
    {
        await using var db = _folder.NewMigratedDb();
        await TestLinks.Importer(db).ImportAsync(TestPaths.SeedFolder);
        await db.Episodes.Where(e => !(e.Season.Number == 1 && e.NumberInSeason <= 2)).ExecuteUpdateAsync(s => s.SetProperty(e => e.AirDate, (DateOnly?)null));
        await db.Events.ExecuteUpdateAsync(s => s.SetProperty(e => e.Milestone, (string?)null).SetProperty(e => e.MilestoneStatus, (string?)null).SetProperty(e => e.MilestoneEpisodeId, (int?)null));
        await db.SiteSettings.Where(s => s.Key.StartsWith("seed-upgrade:")).ExecuteDeleteAsync();
        if (editorsChanges is not null)
        {
            await editorsChanges(db);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private async Task<(int Dated, int Milestones, int Revisions)> CountAsync()
    {
        await using var db = new WikiDbContext(SqliteStore.Options($"Data Source={Database}"));
        var counts = (await db.Episodes.CountAsync(e => e.AirDate != null), await db.Events.CountAsync(e => e.Milestone != null), await db.Revisions.CountAsync());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return counts;
    }

    [Fact]
    public async Task The_next_start_fills_air_dates_and_milestones_as_revisions_once()
    {
        await SeedAsOlderVersionAsync();
        Assert.Equal(2, (await CountAsync()).Dated);

        await using (var app = WikiAppFactory.OnDatabase(Database))
        {
            var (_, basketball) = await app.GetPageAsync("/episodes/basketball");
            Assert.Contains("first aired 19 April 2005", basketball.QuerySelector(".episode-meta")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(17, (await app.GetPageAsync("/timeline")).Document.QuerySelectorAll("a.tl-marker").Length);
            var (_, history) = await app.GetPageAsync(basketball.QuerySelector(".last-edited a")!.GetAttribute("href")!);
            Assert.Contains("by import: Air date from episodes.csv", history.QuerySelectorAll(".revisions li")[0].TextContent, StringComparison.Ordinal);
        }

        var after = await CountAsync();
        Assert.Equal((186, 17), (after.Dated, after.Milestones));

        // A second start changes nothing: each upgrade ran once.
        await using (var again = WikiAppFactory.OnDatabase(Database))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await again.GetPageAsync("/")).Response.StatusCode);
        }

        Assert.Equal(after, await CountAsync());
    }

    [Fact]
    public async Task What_editors_changed_since_is_left_alone()
    {
        await SeedAsOlderVersionAsync(async db =>
        {
            // An editor rewrote the engagement paragraph (its quote is gone) and renamed an episode.
            await db.Events.Where(e => e.BodyMarkdown.Contains("proposes to her as soon as they meet")).ExecuteUpdateAsync(s => s.SetProperty(e => e.BodyMarkdown, "Jim proposes at a gas station."));
            await db.Episodes.Where(e => e.Slug == "basketball").ExecuteUpdateAsync(s => s.SetProperty(e => e.Title, "Hoops"));
        });

        await using (var app = WikiAppFactory.OnDatabase(Database))
        {
            var markers = (await app.GetPageAsync("/timeline")).Document.QuerySelectorAll("a.tl-marker");
            Assert.Equal(16, markers.Length);
            Assert.DoesNotContain(markers, m => m.GetAttribute("aria-label")!.Contains("Engaged", StringComparison.Ordinal));
        }

        await using var db = new WikiDbContext(SqliteStore.Options($"Data Source={Database}"));
        Assert.Null(await db.Episodes.Where(e => e.Slug == "basketball").Select(e => e.AirDate).SingleAsync());
        Assert.Equal(185, await db.Episodes.CountAsync(e => e.AirDate != null));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_fresh_import_needs_no_upgrade()
    {
        await using (var app = new WikiAppFactory())
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await app.GetPageAsync("/")).Response.StatusCode);
            await using var db = new WikiDbContext(SqliteStore.Options($"Data Source={app.DatabasePath}"));
            Assert.Equal(["seed-upgrade:air-dates", "seed-upgrade:milestones"], await db.SiteSettings.Where(s => s.Key.StartsWith("seed-upgrade:")).OrderBy(s => s.Key).Select(s => s.Key).ToListAsync());
            Assert.False(await db.Revisions.AnyAsync(r => r.Summary != null && r.Summary.Contains("from episodes.csv")));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public void Dispose() => _folder.Dispose();
}
