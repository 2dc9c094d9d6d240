using JimPam.Wiki.Tests.Pages;

namespace JimPam.Wiki.Tests.Api;

/// <summary>/api/v1/episodes and /api/v1/characters: what cites an episode, and what names a character.</summary>
[Trait("Engine", "Any")]
[Collection(SeededWiki.Name)]
public class EpisodesApiTests(WikiAppFactory app)
{
    [Fact]
    public async Task An_episode_has_its_citing_events_and_a_character_its_couples_and_mentions()
    {
        var (_, episode) = await ApiJson.GetAsync(app, "/api/v1/episodes/the-dundies");
        Assert.Equal("The Dundies", episode.GetProperty("title").GetString());
        Assert.Contains(episode.GetProperty("citingEvents").EnumerateArray(), e => e.GetProperty("markdown").GetString()!.Contains("first on-camera kiss", StringComparison.Ordinal));

        var (_, pam) = await ApiJson.GetAsync(app, "/api/v1/characters/pam-beesly");
        Assert.Equal("Jenna Fischer", pam.GetProperty("actor").GetString());
        Assert.Equal(["jim-and-pam"], ApiJson.Names(pam.GetProperty("relationships"), "slug"));
        Assert.True(pam.GetProperty("mentions").GetArrayLength() > 10);
    }
}
