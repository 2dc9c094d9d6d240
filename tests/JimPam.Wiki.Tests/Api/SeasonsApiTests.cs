using JimPam.Wiki.Tests.Pages;

namespace JimPam.Wiki.Tests.Api;

/// <summary>/api/v1/seasons: the seasons with their story, and the catalogue's lists in order.</summary>
[Trait("Engine", "Any")]
[Collection(SeededWiki.Name)]
public class SeasonsApiTests(WikiAppFactory app)
{
    [Fact]
    public async Task A_season_has_its_events_with_markdown_html_citations_mentions_and_iso_dates()
    {
        var (response, json) = await ApiJson.GetAsync(app, "/api/v1/seasons/5");

        ApiJson.IsJson(response);
        Assert.Equal(5, json.GetProperty("number").GetInt32());
        var events = json.GetProperty("events").EnumerateArray().ToList();
        Assert.NotEmpty(events);
        var proposal = events.Single(e => e.GetProperty("markdown").GetString()!.Contains("gas station", StringComparison.Ordinal));
        Assert.Contains("gas station", proposal.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal("engaged", proposal.GetProperty("milestone").GetProperty("status").GetString()!.ToLowerInvariant());
        Assert.Contains("Weight Loss", ApiJson.Names(proposal.GetProperty("citations"), "title"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", proposal.GetProperty("citations")[0].GetProperty("airDate").GetString()!);
        Assert.Contains("pam-beesly", ApiJson.Names(proposal.GetProperty("mentions"), "slug"));
        Assert.Matches(@"/seasons/5#event-\d+$", proposal.GetProperty("pageLink").GetString()!);
        Assert.Equal("paragraph", proposal.GetProperty("kind").GetString());
        Assert.EndsWith("/api/v1/seasons/6", json.GetProperty("next").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seasons_episodes_and_characters_list_everything_in_order()
    {
        var (_, seasons) = await ApiJson.GetAsync(app, "/api/v1/seasons");
        Assert.Equal(Enumerable.Range(1, 9), seasons.GetProperty("seasons").EnumerateArray().Select(s => s.GetProperty("number").GetInt32()));

        var (_, episodes) = await ApiJson.GetAsync(app, "/api/v1/episodes");
        var list = episodes.GetProperty("episodes").EnumerateArray().ToList();
        Assert.Equal(186, list.Count);
        Assert.Equal("Pilot", list[0].GetProperty("title").GetString());
        Assert.Equal("2005-03-24", list[0].GetProperty("airDate").GetString());

        var (_, characters) = await ApiJson.GetAsync(app, "/api/v1/characters");
        Assert.Contains("Pam Beesly", ApiJson.Names(characters.GetProperty("characters"), "name"));
    }
}
