using JimPam.Wiki.Story;

namespace JimPam.Wiki.Tests.Story;

/// <summary>
/// The shield's rules, as the read models apply them: a shield hides what is placed after the reader's episode,
/// nothing without one, and nothing on a page where the reader asked to see it all.
/// </summary>
public sealed class SpoilerShieldRuleTests
{
    private static readonly SpoilerShield AtS04E01 = new(new EpisodePoint(4, 1), Lifted: false);

    [Fact]
    public void Should_hide_only_what_comes_after_the_readers_episode()
    {
        Assert.False(AtS04E01.Hides(new EpisodePoint(4, 1)));
        Assert.False(AtS04E01.Hides(new EpisodePoint(3, 25)));
        Assert.True(AtS04E01.Hides(new EpisodePoint(4, 2)));
        Assert.True(AtS04E01.Hides(new EpisodePoint(5, 1)));
    }

    [Fact]
    public void Should_give_the_queries_the_readers_ordinal_only_when_something_is_hidden()
    {
        Assert.Equal(new EpisodePoint(4, 1).Ordinal, AtS04E01.Ordinal);
        Assert.Null(SpoilerShield.Off.Ordinal);
        Assert.Null((AtS04E01 with { Lifted = true }).Ordinal);
    }

    [Fact]
    public void Should_hide_nothing_when_lifted_on_a_page_or_off()
    {
        var lifted = AtS04E01 with { Lifted = true };

        Assert.False(lifted.Hides(new EpisodePoint(9, 23)));
        Assert.True(lifted.On);
        Assert.False(lifted.Active);
        Assert.False(SpoilerShield.Off.Hides(new EpisodePoint(9, 23)));
        Assert.False(SpoilerShield.Off.On);
    }

    [Fact]
    public void Should_key_cached_pages_by_the_shield_and_whether_it_is_lifted()
    {
        Assert.Equal("", SpoilerShield.Off.CacheKey);
        Assert.Equal("s04e01", AtS04E01.CacheKey);
        Assert.Equal("s04e01+shown", (AtS04E01 with { Lifted = true }).CacheKey);
    }
}
