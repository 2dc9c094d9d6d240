using System.Net;
using AngleSharp.Html.Parser;

namespace JimPam.Wiki.Tests.Pages.Admin;

/// <summary>A second couple made entirely through the admin forms: its article, parts, milestone, joke and timeline.</summary>
[Trait("Engine", "Any")]
public sealed class SecondRelationshipTests : EditorTestBase
{
    private async Task<HttpResponseMessage> CreateDwightAndAngelaAsync() =>
        await Pam.SubmitAsync("/admin/relationships/new", new Dictionary<string, string>
        {
            ["Form.Title"] = "Dwight and Angela",
            ["Form.Members"] = "Dwight Schrute\nAngela Martin",
            ["Form.Intro"] = "[[Dwight Schrute]] and [[Angela Martin]] keep their relationship secret.",
            ["Form.Status"] = "",
        });

    [Fact]
    public async Task An_editor_creates_a_couple_adds_a_part_with_a_milestone_and_a_joke_and_readers_see_it_everywhere()
    {
        // Read the pages first, so they are cached and the saves must evict them.
        await App.GetPageAsync("/");
        await App.GetPageAsync("/seasons/4");

        using var created = await CreateDwightAndAngelaAsync();
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/relationships/dwight-and-angela", created.Headers.Location!.OriginalString);

        var (_, article) = await App.GetPageAsync("/relationships/dwight-and-angela");
        Assert.Equal("Dwight and Angela", article.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Dwight Schrute", "Angela Martin"], article.QuerySelectorAll(".infobox dd a[href^='/characters/']").Select(a => a.TextContent));
        Assert.Equal("/relationships/dwight-and-angela/timeline", article.QuerySelectorAll(".infobox a").Single(a => a.TextContent == "The timeline").GetAttribute("href"));
        var (_, home) = await App.GetPageAsync("/");
        Assert.Equal(["Dwight and Angela"], home.QuerySelectorAll(".relationships a").Select(a => a.TextContent));
        Assert.Equal("Jim and Pam", home.QuerySelector("h1")!.TextContent);

        // A part of their story, in Season 4, with a milestone that sets a status.
        var form = await Pam.GetPageAsync("/admin/events/new?season=4");
        var option = form.QuerySelectorAll("select[name='Form.RelationshipId'] option").Single(o => o.TextContent == "Dwight and Angela").GetAttribute("value")!;
        using var added = await Pam.SubmitAsync("/admin/events/new?season=4", new Dictionary<string, string>
        {
            ["Form.RelationshipId"] = option,
            ["Form.Body"] = "[[Angela Martin|Angela]] ends her secret relationship with [[Dwight Schrute|Dwight]] ([[Money]]).",
            ["Form.Milestone.Label"] = "Angela ends it",
            ["Form.Milestone.Status"] = "Apart",
            ["Form.Milestone.Episode"] = "Money",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Matches("^/seasons/4\\?relationship=dwight-and-angela#event-\\d+$", added.Headers.Location!.OriginalString);

        var (_, season) = await App.GetPageAsync("/seasons/4");
        Assert.Equal(["Jim and Pam", "Dwight and Angela"], season.QuerySelectorAll("section.relationship-group h2").Select(h => h.TextContent));
        var theirs = season.QuerySelectorAll("section.relationship-group")[1];
        Assert.Contains("Angela ends her secret relationship with Dwight", theirs.TextContent, StringComparison.Ordinal);
        Assert.Equal(6, season.QuerySelectorAll("section.relationship-group")[0].QuerySelectorAll(".event, .event-figure").Length);
        var (_, alone) = await App.GetPageAsync("/seasons/4?relationship=dwight-and-angela");
        Assert.Equal("Season 4 of Dwight and Angela", alone.QuerySelector("h1")!.TextContent);
        Assert.Single(alone.QuerySelectorAll(".event"));

        // The episode page groups it under its couple, and its link finds it.
        var (_, money) = await App.GetPageAsync("/episodes/money");
        Assert.Contains(money.QuerySelectorAll("h3"), h => h.TextContent == "Season 4 of Dwight and Angela");
        Assert.Contains(money.QuerySelectorAll("a.context-link"), a => a.GetAttribute("href")!.StartsWith("/seasons/4?relationship=dwight-and-angela#event-", StringComparison.Ordinal));

        var (_, timeline) = await App.GetPageAsync("/relationships/dwight-and-angela/timeline");
        var marker = Assert.Single(timeline.QuerySelectorAll("a.tl-marker"));
        Assert.StartsWith("/seasons/4?relationship=dwight-and-angela#event-", marker.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(17, (await App.GetPageAsync("/timeline")).Document.QuerySelectorAll("a.tl-marker").Length);
        var (_, asOf) = await App.GetPageAsync("/relationships/dwight-and-angela?asOf=s04e05");
        Assert.StartsWith("Apart since Angela ends it", asOf.QuerySelector(".infobox dd.status")!.TextContent.Trim(), StringComparison.Ordinal);
        var (_, before) = await App.GetPageAsync("/relationships/dwight-and-angela?asOf=s04e03");
        Assert.Equal("No status yet: nothing up to this episode gives them one.", before.QuerySelector(".infobox dd.status")!.TextContent.Trim());

        // Their own recurring joke, on their article and not on Jim and Pam's.
        using var joke = await Pam.SubmitAsync($"/admin/jokes/new?relationship={option}", new Dictionary<string, string>
        {
            ["Form.RelationshipId"] = option,
            ["Form.Body"] = "[[Dwight Schrute|Dwight]] and [[Angela Martin|Angela]] deny everything.",
        });
        Assert.Equal(HttpStatusCode.Redirect, joke.StatusCode);
        Assert.Contains("deny everything", (await App.GetPageAsync("/relationships/dwight-and-angela")).Document.QuerySelector("ul.jokes")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("deny everything", (await App.GetPageAsync("/")).Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_couple_s_own_address_leads_home_and_an_unknown_couple_is_404()
    {
        var (moved, _) = await App.GetPageAsync("/relationships/jim-and-pam");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/", moved.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await App.GetPageAsync("/relationships/michael-and-holly")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.GetPageAsync("/seasons/4?relationship=michael-and-holly")).Response.StatusCode);
    }

    [Theory]
    [InlineData("Jim and Pam", "Dwight Schrute\nAngela Martin", "Form.Title", "Another relationship already has the address /relationships/jim-and-pam; give this one another title.")]
    [InlineData("Michael and Holly", "Michael Scott\nHolly Flaxx", "Form.Members", "“Holly Flaxx” is not a character of the wiki; add the character first.")]
    [InlineData("Michael and Holly", "", "Form.Members", "Name the members, one per line.")]
    public async Task A_couple_that_cannot_be_made_is_refused_next_to_the_field_and_nothing_is_written(string title, string members, string field, string message)
    {
        using var response = await Pam.SubmitAsync("/admin/relationships/new", new Dictionary<string, string>
        {
            ["Form.Title"] = title,
            ["Form.Members"] = members,
            ["Form.Intro"] = "An intro.",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var input = page.QuerySelector($"[name='{field}']")!;
        Assert.Equal(message, page.GetElementById(input.GetAttribute("aria-describedby")!.Split(' ')[0])!.TextContent.Trim());
        Assert.Equal(title, page.QuerySelector("input[name='Form.Title']")!.GetAttribute("value"));
        Assert.Empty((await App.GetPageAsync("/")).Document.QuerySelectorAll(".relationships a"));
    }
}
