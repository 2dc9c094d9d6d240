using JimPam.Wiki.Story;

namespace JimPam.Wiki.Tests.Story;

/// <summary>The story's clock: a point is written s04e01, sorts in broadcast order, and its ordinal sorts the same way.</summary>
public sealed class EpisodePointTests
{
    [Theory]
    [InlineData("s04e01", 4, 1)]
    [InlineData("S4E1", 4, 1)]
    [InlineData(" s09e23 ", 9, 23)]
    [InlineData("s1e100", 1, 100)]
    public void Should_read_a_code_in_any_case_with_or_without_leading_zeros(string code, int season, int number) =>
        Assert.Equal(new EpisodePoint(season, number), EpisodePoint.Parse(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("s4")]
    [InlineData("s00e01")]
    [InlineData("s04e00")]
    [InlineData("s04e01x")]
    [InlineData("s٤e١")]
    [InlineData("s123e01")]
    public void Should_refuse_what_names_no_episode(string? code) => Assert.Null(EpisodePoint.Parse(code));

    [Fact]
    public void Should_order_points_and_their_ordinals_alike()
    {
        EpisodePoint[] inOrder = [new(1, 1), new(1, 6), new(2, 1), new(2, 22), new(3, 1), new(9, 23), new(10, 999)];

        Assert.Equal(inOrder, inOrder.Reverse().Order());
        Assert.Equal(inOrder.Select(p => p.Ordinal), inOrder.Select(p => p.Ordinal).Order());
        Assert.All(inOrder, p => Assert.Equal(p, EpisodePoint.FromOrdinal(p.Ordinal)));
    }

    [Fact]
    public void Should_place_an_unknown_end_of_season_after_all_of_its_episodes_and_before_the_next_season()
    {
        var endOfSeason = new EpisodePoint(3, int.MaxValue).Ordinal;

        Assert.True(endOfSeason > new EpisodePoint(3, 999).Ordinal);
        Assert.True(endOfSeason < new EpisodePoint(4, 1).Ordinal);
    }

    [Fact]
    public void Should_write_its_code_and_its_words()
    {
        Assert.Equal("s04e01", new EpisodePoint(4, 1).Code);
        Assert.Equal("Season 4, episode 1", new EpisodePoint(4, 1).ToString());
    }
}
