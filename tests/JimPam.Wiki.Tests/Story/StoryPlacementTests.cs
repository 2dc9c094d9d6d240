using JimPam.Wiki.Data;
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
            await using var transaction = await db.Database.BeginTransactionAsync();

            // The first cited episode of season 2 moves to the end of its season.
            var cited = await db.EventCitations.Where(c => c.Episode.Season.Number == 2).OrderBy(c => c.Episode.NumberInSeason).Select(c => c.Episode).FirstAsync();
            var before = (await PlacesAsync()).Stored;
            cited.NumberInSeason = 90;

            // A season-4 paragraph is deleted; a season-5 paragraph loses its citations.
            var deleted = await db.Events.Where(e => e.Season.Number == 4 && e.Kind == EventKind.Paragraph).OrderBy(e => e.Order).FirstAsync();
            deleted.Deleted = true;
            var uncited = await db.Events.Include(e => e.Citations).Where(e => e.Season.Number == 5 && e.Citations.Count > 0).OrderBy(e => e.Order).FirstAsync();
            uncited.Citations.Clear();
            await db.SaveChangesAsync();
            await transaction.CommitAsync();

            var (stored, worked) = await PlacesAsync();
            Assert.Equal(worked, stored);
            Assert.NotEqual(before, stored);
        }
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
