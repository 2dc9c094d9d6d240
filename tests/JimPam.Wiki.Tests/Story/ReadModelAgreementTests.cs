using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using JimPam.Wiki.Tests.Pages;

namespace JimPam.Wiki.Tests.Story;

/// <summary>
/// The pages and the API read one read model per resource, so they list the same parts of the story in the same
/// order, and hide the same ones, on a wiki with many couples citing the same episodes.
/// </summary>
[Collection(UncachedWikis.Name)]
public sealed partial class ReadModelAgreementTests(UncachedWikis wikis)
{
    [GeneratedRegex(@"#event-(\d+)$")]
    private static partial Regex EventAnchor();

    [Theory]
    [InlineData("/episodes/casino-night", "/api/v1/episodes/casino-night", "citingEvents", "")]
    [InlineData("/episodes/casino-night", "/api/v1/episodes/casino-night", "citingEvents", "?asOf=s02e22")]
    [InlineData("/characters/jim-halpert", "/api/v1/characters/jim-halpert", "mentions", "")]
    [InlineData("/characters/jim-halpert", "/api/v1/characters/jim-halpert", "mentions", "?asOf=s04e01")]
    [InlineData("/seasons/3", "/api/v1/seasons/3?relationship=jim-and-pam", "events", "")]
    public async Task Should_list_the_same_parts_in_the_same_order_on_the_page_and_in_the_api(string page, string resource, string list, string asOf)
    {
        using var client = wikis.Grown.CreateReader();
        var html = await client.GetStringAsync(new Uri(page + asOf, UriKind.Relative));
        var onPage = new HtmlParser().ParseDocument(html).QuerySelectorAll("main a[href*='#event-'], main [id^='event-']")
            .Select(e => e.Id is { Length: > 0 } id && id.StartsWith("event-", StringComparison.Ordinal) ? id["event-".Length..] : EventAnchor().Match(e.GetAttribute("href") ?? "").Groups[1].Value)
            .Where(id => id.Length > 0).Select(int.Parse).Distinct().ToList();
        var separator = resource.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri(resource + (asOf.Length > 0 ? separator + asOf[1..] : ""), UriKind.Relative)));
        var inApi = json.RootElement.GetProperty(list).EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).Take(onPage.Count).ToList();

        Assert.NotEmpty(onPage);
        Assert.Equal(onPage, inApi);
    }

    [Theory]
    [InlineData(0, "")]
    [InlineData(0, "?asOf=s04e01")]
    [InlineData(0, "?asOf=s06e10")]
    [InlineData(3, "")]
    [InlineData(3, "?asOf=s02e05")]
    public async Task Should_draw_the_same_timeline_on_the_page_as_the_api_gives(int relationship, string asOf)
    {
        using var client = wikis.Grown.CreateReader();
        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/relationships", UriKind.Relative)));
        var slug = list.RootElement.GetProperty("relationships")[relationship].GetProperty("slug").GetString()!;
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/relationships/{slug}/timeline{asOf}", UriKind.Relative)));
        var timeline = json.RootElement;
        var pageAddress = new Uri(timeline.GetProperty("html").GetString()!).PathAndQuery;
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(pageAddress + asOf, UriKind.Relative)));

        // The seasons drawn, each with as many ticks as the API gives events, and the milestones in the same order.
        var bands = page.QuerySelectorAll("ol.timeline > li.tl-band").ToList();
        var seasons = timeline.GetProperty("seasons").EnumerateArray().ToList();
        Assert.NotEmpty(bands);
        Assert.Equal(bands.Select(b => b.QuerySelector("h2 a")!.TextContent), seasons.Select(s => $"Season {s.GetProperty("number").GetInt32()}"));
        Assert.Equal(bands.Select(b => b.QuerySelectorAll(".tl-ticks rect").Length), seasons.Select(s => s.GetProperty("events").GetInt32()));
        var events = timeline.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(page.QuerySelectorAll(".tl-ticks rect").Length, events.Count);
        Assert.Equal(seasons.Select(s => s.GetProperty("number").GetInt32()), events.Select(e => e.GetProperty("season").GetInt32()).Distinct());
        var onPage = page.QuerySelectorAll("ol.tl-milestones a[href*='#event-']").Select(a => int.Parse(EventAnchor().Match(a.GetAttribute("href")!).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(onPage, timeline.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("event").GetInt32()).ToList());

        // What the shield keeps back is counted, and the rest is the whole story.
        using var whole = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/relationships/{slug}/timeline", UriKind.Relative)));
        Assert.Equal(whole.RootElement.GetProperty("events").GetArrayLength(), events.Count + timeline.GetProperty("hiddenByAsOf").GetInt32());
        Assert.Equal(asOf.Length > 0, timeline.GetProperty("hiddenByAsOf").GetInt32() > 0);
        Assert.All(events, e => Assert.True(asOf.Length == 0 || string.CompareOrdinal(e.GetProperty("point").GetString(), asOf["?asOf=".Length..]) <= 0));
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("?asOf=s03e05", 0)]
    [InlineData("?asOf=s08e01", 1)]
    public async Task Should_show_the_same_jokes_and_status_on_the_article_and_in_the_api(string asOf, int jokes)
    {
        using var client = wikis.Grown.CreateReader();
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/" + asOf, UriKind.Relative)));
        var onPage = page.QuerySelectorAll("main [id^='joke-']").Select(e => int.Parse(e.Id!["joke-".Length..], System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/relationships/jim-and-pam" + asOf, UriKind.Relative)));
        var inApi = json.RootElement.GetProperty("jokes").EnumerateArray().Select(j => j.GetProperty("id").GetInt32()).ToList();

        Assert.Equal(jokes, onPage.Count);
        Assert.Equal(onPage, inApi);
        var status = json.RootElement.GetProperty("status").GetString()!;
        Assert.NotEmpty(status);
        Assert.StartsWith(status, page.QuerySelector(".infobox dd.status")!.TextContent.Trim(), StringComparison.Ordinal);
    }
}
