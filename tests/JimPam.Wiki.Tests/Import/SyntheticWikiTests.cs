using System.Net;
using JimPam.Wiki.Data.Sqlite;
using JimPam.Wiki.Data;
using JimPam.Wiki.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Tests.Import;

/// <summary>The scale benchmark's generator, run as an operator runs it: "generate ..." on the app's own binary.</summary>
public sealed class SyntheticWikiTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Database => Path.Combine(_folder.Path, "big.db");

    [Fact]
    public async Task Generate_grows_the_seeded_wiki_to_the_totals_with_rendered_cited_revised_events_and_the_episode_pages_page_them()
    {
        var run = await AppProcess.RunCommandAsync(Path.Combine(_folder.Path, "unused.db"), "", "generate", "--relationships", "4", "--events", "2000", "--into", Database);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("generate: 3 of 3 made-up relationships added", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{Database} has 4 relationships and 2000 events", run.Output, StringComparison.Ordinal);
        await using (var db = new WikiDbContext(SqliteStore.Options($"Data Source={Database}")))
        {
            Assert.Equal(4, await db.Relationships.CountAsync());
            Assert.Equal(2000, await db.Events.CountAsync());
            var made = db.Events.Where(e => e.RelationshipId != db.Relationships.Min(r => r.Id));
            Assert.False(await made.AnyAsync(e => e.BodyHtml == null || e.BodyHtml == ""));
            Assert.True(await made.AllAsync(e => db.Revisions.Any(r => r.EntityType == Revision.EventType && r.EntityId == e.Id && r.Number == e.Revision)));
            Assert.True(await made.CountAsync(e => e.Revision == 2) > 400, "about every fourth made-up part is edited once");
            Assert.True(await db.EventCitations.CountAsync(c => made.Any(e => e.Id == c.EventId)) > 500);

            // A made-up couple's story names that couple and nobody else.
            var pam = await db.Characters.Where(c => c.Slug == "pam-beesly").Select(c => c.Id).SingleAsync();
            Assert.False(await db.EventMentions.AnyAsync(m => m.CharacterId == pam && made.Any(e => e.Id == m.EventId)));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var app = WikiAppFactory.OnDatabase(Database);
        using var reader = app.CreateReader();
        var busiest = await BusiestEpisodeAsync();
        var pages = (busiest.Citations + 19) / 20;
        Assert.True(pages > 1, $"{busiest.Slug} has only {busiest.Citations} citations");

        var (_, first) = await app.GetPageAsync($"/episodes/{busiest.Slug}");
        Assert.Equal(20, first.QuerySelectorAll(".citing-events > li").Length);
        Assert.Contains($"Page 1 of {pages} ({busiest.Citations} citing paragraphs)", first.QuerySelector("nav[aria-label='Pages of citing events']")!.TextContent, StringComparison.Ordinal);
        var (_, last) = await app.GetPageAsync($"/episodes/{busiest.Slug}?p={pages}");
        Assert.Equal(busiest.Citations - (pages - 1) * 20, last.QuerySelectorAll(".citing-events > li").Length);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri($"/episodes/{busiest.Slug}?p={pages + 1}", UriKind.Relative))).StatusCode);

        // A season with more parts than a page should carry shows the first couple's story and links the others'.
        var (_, season) = await app.GetPageAsync("/seasons/3");
        Assert.Equal(["Jim and Pam"], season.QuerySelectorAll("section.relationship-group h2").Select(h => h.TextContent));
        Assert.Equal(9, season.QuerySelectorAll("section.relationship-group .event, section.relationship-group .event-figure").Length);
        var others = season.QuerySelectorAll("#other-relationships + ul a").ToList();
        Assert.Equal(3, others.Count);
        var (_, alone) = await app.GetPageAsync(others[0].GetAttribute("href")!);
        Assert.Equal($"Season 3 of {others[0].TextContent}", alone.QuerySelector("h1")!.TextContent);
        Assert.True(alone.QuerySelectorAll(".event").Length > 50, "the couple's own season page shows its parts");
    }

    [Fact]
    public async Task A_generate_asking_for_fewer_than_the_wiki_has_is_refused_in_one_line()
    {
        var run = await AppProcess.RunCommandAsync(Path.Combine(_folder.Path, "unused.db"), "", "generate", "--relationships", "1", "--events", "10", "--into", Database);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"generate: the wiki already has 1 relationship(s) and {SeedCounts.Events} event(s); the totals asked for are smaller", run.Error.Trim());
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
    }

    private async Task<(string Slug, int Citations)> BusiestEpisodeAsync()
    {
        await using var db = new WikiDbContext(SqliteStore.Options($"Data Source={Database}"));
        var busiest = await db.Episodes.Select(e => new { e.Slug, Citations = db.EventCitations.Count(c => c.EpisodeId == e.Id) }).OrderByDescending(e => e.Citations).FirstAsync();
        return (busiest.Slug, busiest.Citations);
    }

    public void Dispose() => _folder.Dispose();
}
