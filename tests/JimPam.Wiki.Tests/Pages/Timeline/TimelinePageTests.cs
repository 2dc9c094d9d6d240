using System.Net;

namespace JimPam.Wiki.Tests.Pages.Timeline;

[Trait("Engine", "Any")]
[Collection(SeededWiki.Name)]
public class TimelinePageTests(WikiAppFactory app)
{
    [Fact]
    public async Task The_timeline_draws_a_band_per_season_with_every_event_and_numbered_milestone_markers()
    {
        var (response, page) = await app.GetPageAsync("/timeline");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bands = page.QuerySelectorAll("ol.timeline > li.tl-band");
        Assert.Equal(Enumerable.Range(1, 9).Select(n => $"Season {n}"), bands.Select(b => b.QuerySelector("h2 a")!.TextContent));
        // Every paragraph and caption of the story is a tick, in the band of its season.
        Assert.Equal(52, page.QuerySelectorAll(".tl-ticks rect").Length);
        var season3 = bands[2];
        Assert.Equal(9, season3.QuerySelectorAll(".tl-ticks rect").Length);
        Assert.Contains("21 Sep 2006", season3.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);

        var markers = page.QuerySelectorAll("svg a.tl-marker");
        Assert.Equal(17, markers.Length);
        Assert.Equal(Enumerable.Range(1, 17).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), markers.Select(m => m.QuerySelector("text")!.TextContent));
        var kiss = markers.Single(m => m.GetAttribute("aria-label") == "Milestone 2: First on-camera kiss, The Dundies");
        Assert.Matches("^/seasons/2#event-\\d+$", kiss.GetAttribute("href")!);
    }

    [Fact]
    public async Task Each_marker_leads_to_the_text_that_tells_its_milestone()
    {
        var (_, page) = await app.GetPageAsync("/timeline");

        foreach (var marker in page.QuerySelectorAll("svg a.tl-marker").Take(17))
        {
            var href = marker.GetAttribute("href")!;
            var (_, season) = await app.GetPageAsync(href.Split('#')[0]);
            var target = season.GetElementById(href.Split('#')[1]);
            Assert.NotNull(target);
            var label = marker.GetAttribute("aria-label")!.Split(": ", 2)[1].Split(", ")[0];
            Assert.Contains($"Milestone: {label}", target!.QuerySelector(".milestone-tag")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_status_is_named_in_text_and_spans_change_at_the_status_milestones()
    {
        var (_, page) = await app.GetPageAsync("/timeline");
        var lines = page.QuerySelectorAll(".tl-status-line").Select(p => p.TextContent.Trim()).ToList();

        Assert.Equal(
            ["Status: Friends", "Status: Friends", "Status: Friends", "Status: Dating", "Status: Engaged", "Status: Engaged, then Married", "Status: Married", "Status: Married", "Status: Married"],
            lines);
        var season6 = page.QuerySelectorAll("li.tl-band")[5];
        var spans = season6.QuerySelectorAll("rect.tl-span");
        Assert.Equal(2, spans.Length);
        // The spans cover the band exactly: the change happens where the Married marker stands.
        Assert.Equal("0%", spans[0].GetAttribute("x"));
        Assert.Equal(spans[0].GetAttribute("width"), spans[1].GetAttribute("x"));
        Assert.Equal(spans[1].GetAttribute("x"), season6.QuerySelector("a.tl-marker circle")!.GetAttribute("cx"));
        Assert.Contains("By the last episode, their status is Married.", page.QuerySelector(".lede")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ordered_list_says_in_words_what_the_drawing_shows()
    {
        var (_, page) = await app.GetPageAsync("/timeline");

        var items = page.QuerySelectorAll("ol.tl-milestones > li");
        Assert.Equal(17, items.Length);
        var engaged = items.Single(li => li.QuerySelector("a")!.TextContent == "Engaged");
        Assert.Equal("9", engaged.GetAttribute("value"));
        Assert.Equal("/episodes/weight-loss", engaged.QuerySelectorAll("a")[1].GetAttribute("href"));
        Assert.Equal("2008-09-25", engaged.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Contains("status from here: Engaged", engaged.TextContent, StringComparison.Ordinal);
        var phillip = items.Single(li => li.QuerySelector("a")!.TextContent == "Phillip is born");
        Assert.Contains("episode not given", phillip.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relationship_s_own_timeline_address_works_and_an_unknown_one_is_404()
    {
        var (ok, page) = await app.GetPageAsync("/relationships/jim-and-pam/timeline");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("Jim and Pam: the timeline", page.QuerySelector("h1")!.TextContent);
        Assert.EndsWith("/relationships/jim-and-pam/timeline", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);

        var (missing, _) = await app.GetPageAsync("/relationships/michael-and-holly/timeline");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_timeline_needs_no_script()
    {
        var (_, page) = await app.GetPageAsync("/timeline");
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Equal("/timeline", page.QuerySelector("nav[aria-label=Main] a[aria-current=page]")!.GetAttribute("href"));
    }
}
