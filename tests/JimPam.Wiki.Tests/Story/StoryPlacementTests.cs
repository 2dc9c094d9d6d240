using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using JimPam.Wiki.Story;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Story;

/// <summary>
/// The places the database keeps for every event are the ones the chronology works out, after the seed and after
/// every kind of write that can move them, whatever made the write.
/// </summary>
[Trait("Engine", "Any")]
public sealed class StoryPlacementTests : WikiOfItsOwn
{
    public override async Task InitializeAsync()
    {
        using var client = App.CreateReader();
        (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).Dispose();
    }

    [Fact]
    public async Task Should_store_the_chronologys_places_after_the_seed()
    {
        var (stored, worked) = await PlacesAsync();

        Assert.Equal(worked, stored);
        Assert.DoesNotContain(stored, p => p.Point == 0);
        Assert.Contains(stored, p => p.Milestone is not null);

        // A joke's place is the latest episode it cites.
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
        var jokes = await db.Jokes.AsNoTracking().Select(j => new { j.Point, Cited = j.Citations.Select(c => new { Season = c.Episode.Season.Number, c.Episode.NumberInSeason }).ToList() }).ToListAsync();
        Assert.NotEmpty(jokes);
        Assert.All(jokes, j => Assert.Equal(j.Cited.Select(c => new EpisodePoint(c.Season, c.NumberInSeason).Ordinal).DefaultIfEmpty(0).Max(), j.Point));
        Assert.Contains(jokes, j => j.Point > 0);
    }

    [Fact]
    public async Task Should_place_again_after_an_episode_is_renumbered_an_event_is_deleted_and_citations_change()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
            var writer = scope.ServiceProvider.GetRequiredService<EntryWriter>();
            var before = (await PlacesAsync()).Stored;

            // The first cited episode of season 2 moves to the end of its season.
            var cited = await db.EventCitations.AsNoTracking().Where(c => c.Episode.Season.Number == 2).OrderBy(c => c.Episode.NumberInSeason).Select(c => c.Episode)
                .Select(e => new { e.Id, e.Revision, e.Title, e.Slug, e.AirDate, Aliases = e.Aliases.Select(a => a.Title).ToList() }).FirstAsync();
            Assert.IsType<EntrySaveResult.Saved>(await writer.SaveEpisodeAsync(cited.Id, cited.Revision, new EpisodeSnapshot(cited.Title, cited.Slug, 2, 90, cited.AirDate, cited.Aliases), "test", "Renumbered", CancellationToken.None));

            // A season-4 paragraph is deleted; a season-5 paragraph loses its citations.
            var deleted = await db.Events.AsNoTracking().Where(e => e.Season.Number == 4 && e.Kind == EventKind.Paragraph).OrderBy(e => e.Order).FirstAsync();
            Assert.IsType<EntrySaveResult.Saved>(await writer.DeleteEventAsync(deleted.Id, deleted.Revision, "test", "Deleted", CancellationToken.None));
            var uncited = await db.Events.AsNoTracking().Where(e => e.Season.Number == 5 && e.Citations.Count > 0).OrderBy(e => e.Order).FirstAsync();
            Assert.IsType<EntrySaveResult.Saved>(await writer.SaveEventAsync(new EventEdit(uncited.Id, uncited.Revision, "A paragraph that cites no episode.", "Uncited"), "test", CancellationToken.None));
            Assert.Equal(0, await db.EventCitations.CountAsync(c => c.EventId == uncited.Id));
            Assert.Equal(0, await db.Events.Where(e => e.Id == deleted.Id).Select(e => e.Citations.Count).SingleAsync());

            var (stored, worked) = await PlacesAsync();
            Assert.Equal(worked, stored);
            Assert.NotEqual(before, stored);
        }
    }

    [Fact]
    public async Task Should_refuse_a_save_of_entry_rows_that_does_not_come_from_the_writer()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
        var episode = await db.Episodes.Where(e => e.Season.Number == 2).OrderBy(e => e.NumberInSeason).FirstAsync();
        var number = episode.NumberInSeason;
        episode.NumberInSeason = 90;

        // Its places would go stale without a word: the save is refused, and nothing is written.
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("Episode row was saved outside EntryWriter", refused.Message, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        Assert.Equal(number, await db.Episodes.AsNoTracking().Where(e => e.Id == episode.Id).Select(e => e.NumberInSeason).SingleAsync());

        // A setting, which no handler derives anything from, may be saved by anyone.
        db.SiteSettings.Add(new SiteSetting { Key = "test:free", Value = "yes" });
        Assert.Equal(1, await db.SaveChangesAsync());
    }

    private sealed record Place(int Id, int Point, int? Milestone);

    /// <summary>The places stored, and the places the chronology works out now, for every event not deleted.</summary>
    private async Task<(List<Place> Stored, List<Place> Worked)> PlacesAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
        var stored = await db.Events.AsNoTracking().Where(e => !e.Deleted).OrderBy(e => e.Id)
            .Select(e => new Place(e.Id, e.Point, e.MilestonePoint)).ToListAsync();
        var story = await Chronology.LoadAsync(db, await db.Relationships.Select(r => r.Id).ToListAsync(), CancellationToken.None);
        var worked = story.Events.OrderBy(e => e.Id).Select(e => new Place(e.Id, e.Point.Ordinal, e.Milestone?.Point.Ordinal)).ToList();
        return (stored, worked);
    }
}
