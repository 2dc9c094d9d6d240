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
    [InlineData("/seasons/3?relationship={3}", "/api/v1/seasons/3?relationship={3}", "events", "")]
    [InlineData("/seasons/3?relationship={3}", "/api/v1/seasons/3?relationship={3}", "events", "?asOf=s03e10")]
    public async Task Should_list_the_same_parts_in_the_same_order_on_the_page_and_in_the_api(string page, string resource, string list, string asOf)
    {
        using var client = wikis.Grown.CreateReader();
        var slug = await RelationshipSlugAsync(client, 3);
        (page, resource) = (page.Replace("{3}", slug, StringComparison.Ordinal), resource.Replace("{3}", slug, StringComparison.Ordinal));

        // Every page of the list (an episode's page shows 20 citing parts at a time), against the whole resource.
        var onPage = new List<int>();
        var separator = page.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        string? next = page + (asOf.Length > 0 ? separator + asOf[1..] : "");
        while (next is not null)
        {
            var document = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(next, UriKind.Relative)));
            onPage.AddRange(document.QuerySelectorAll("main a[href*='#event-'], main [id^='event-']")
                .Select(e => e.Id is { Length: > 0 } id && id.StartsWith("event-", StringComparison.Ordinal) ? id["event-".Length..] : EventAnchor().Match(e.GetAttribute("href") ?? "").Groups[1].Value)
                .Where(id => id.Length > 0).Select(int.Parse).Distinct().Where(id => !onPage.Contains(id)));
            next = document.QuerySelectorAll("nav.pager a").FirstOrDefault(a => a.TextContent.Contains("Later", StringComparison.Ordinal))?.GetAttribute("href");
        }

        separator = resource.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri(resource + (asOf.Length > 0 ? separator + asOf[1..] : ""), UriKind.Relative)));
        var inApi = json.RootElement.GetProperty(list).EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).ToList();

        Assert.NotEmpty(onPage);
        Assert.Equal(onPage, inApi);
    }

    [Fact]
    public async Task Should_show_on_a_seasons_page_what_its_budget_allows_and_link_the_rest_as_the_api_lists_them()
    {
        using var client = wikis.Grown.CreateReader();
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/seasons/3", UriKind.Relative)));
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/seasons/3", UriKind.Relative)));
        var events = json.RootElement.GetProperty("events").EnumerateArray().Select(e => (Id: e.GetProperty("id").GetInt32(), Relationship: e.GetProperty("relationship").GetString()!)).ToList();
        var onPage = page.QuerySelectorAll("main article[id^='event-'], main [id^='event-']").Select(e => int.Parse(e.Id!["event-".Length..], System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();

        // The page shows whole relationships' parts, in the API's order, within its budget; each one left over is linked.
        Assert.InRange(onPage.Count, 1, 200);
        var shown = events.Where(e => onPage.Contains(e.Id)).Select(e => e.Relationship).Distinct().ToList();
        Assert.Equal(events.Where(e => shown.Contains(e.Relationship)).Select(e => e.Id), onPage);
        var linked = page.QuerySelectorAll("main a[href*='relationship=']").Select(a => a.GetAttribute("href")!.Split("relationship=")[1].Split('&')[0]).Distinct().ToList();
        Assert.Equal(events.Select(e => e.Relationship).Distinct().Except(shown).Order(), linked.Except(shown).Order());
    }

    [Fact]
    public async Task Should_order_the_characters_and_the_recent_changes_alike_on_the_page_and_in_the_api()
    {
        using var client = wikis.Grown.CreateReader();
        var characters = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/characters", UriKind.Relative)))
            .QuerySelectorAll("main a[href^='/characters/']").Select(a => a.GetAttribute("href")!["/characters/".Length..]).Distinct().ToList();
        using var characterList = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/characters", UriKind.Relative)));
        var inApi = characterList.RootElement.GetProperty("characters").EnumerateArray().ToList();
        Assert.True(characters.Count > 10, $"{characters.Count} characters on the page");
        Assert.Equal(characters, inApi.Select(c => c.GetProperty("slug").GetString()));
        var mentions = inApi.Select(c => c.GetProperty("mentions").GetInt32()).ToList();
        Assert.Equal(mentions.OrderDescending(), mentions);

        // Every change on the page, each its entry's history and revision, is the API's by default, in the same order.
        var changes = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/recent-changes", UriKind.Relative)))
            .QuerySelectorAll("main ol.revisions > li").Select(li => (li.QuerySelector("a")!.GetAttribute("href")!, Regex.Match(li.TextContent, @"revision (\d+)").Groups[1].Value)).ToList();
        using var changeList = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/changes", UriKind.Relative)));
        var changesInApi = changeList.RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => (new Uri(c.GetProperty("history").GetString()!).PathAndQuery, c.GetProperty("revision").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(100, changesInApi.Count);
        Assert.Equal(changes, changesInApi);
    }

    [Fact]
    public async Task Should_answer_an_unknown_search_type_as_the_openapi_document_says_every_kind_on_the_page_and_400_in_the_api()
    {
        using var client = wikis.Grown.CreateReader();
        string[] Hits(string html) => [.. new HtmlParser().ParseDocument(html).QuerySelectorAll("a.search-hit").Select(a => a.GetAttribute("href")!)];

        var everyKind = Hits(await client.GetStringAsync(new Uri("/search?q=pam", UriKind.Relative)));
        var unknownKind = Hits(await client.GetStringAsync(new Uri("/search?q=pam&type=sitcoms", UriKind.Relative)));
        Assert.NotEmpty(everyKind);
        Assert.Equal(everyKind, unknownKind);

        using var refused = await client.GetAsync(new Uri("/api/v1/search?q=pam&type=sitcoms", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var described = document.RootElement.GetProperty("paths").EnumerateObject().Single(p => p.Name.TrimEnd('/') == "/api/v1/search")
            .Value.GetProperty("get").GetProperty("description").GetString()!;
        Assert.Contains("An unknown type is a 400 here", described, StringComparison.Ordinal);
    }

    private static async Task<string> RelationshipSlugAsync(HttpClient client, int index)
    {
        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/relationships", UriKind.Relative)));
        return list.RootElement.GetProperty("relationships")[index].GetProperty("slug").GetString()!;
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
        var slug = await RelationshipSlugAsync(client, relationship);
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
