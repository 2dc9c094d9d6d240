using System.Net;
using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Pages.Admin;

/// <summary>Milestones set, changed and reverted through the event form, and what readers then see.</summary>
[Trait("Engine", "Any")]
public sealed class MilestoneEditTests : EditorTestBase
{
    private string _editUrl = "";
    private int _eventId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Season 7's paragraph cites "PDA" (Season 7, episode 15).
        var season = await Pam.GetPageAsync("/seasons/7");
        _editUrl = season.QuerySelector(".event .edit-links a")!.GetAttribute("href")!;
        _eventId = int.Parse(_editUrl.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_milestone_set_in_the_event_form_shows_on_the_season_page_the_timeline_and_the_status_as_of_then_reverts()
    {
        // Read first, so the pages are cached and the save must evict them.
        Assert.Equal(17, (await App.GetPageAsync("/timeline")).Document.QuerySelectorAll("a.tl-marker").Length);
        await App.GetPageAsync("/seasons/7");

        using var saved = await Pam.SubmitAsync(_editUrl, new Dictionary<string, string>
        {
            ["Form.Milestone.Label"] = "A test milestone",
            ["Form.Milestone.Status"] = "Testing",
            ["Form.Milestone.Episode"] = "pda",
            ["Form.Summary"] = "Milestone",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, season) = await App.GetPageAsync("/seasons/7");
        Assert.Equal("Milestone: A test milestone · status from here: Testing", season.QuerySelector($"#event-{_eventId} .milestone-tag")!.TextContent.Trim());
        var (_, timeline) = await App.GetPageAsync("/timeline");
        Assert.Equal(18, timeline.QuerySelectorAll("a.tl-marker").Length);
        Assert.Contains(timeline.QuerySelectorAll(".tl-status-line"), p => p.TextContent.Trim() == "Status: Married, then Testing");
        var (_, before) = await App.GetPageAsync("/?asOf=s07e14");
        Assert.StartsWith("Married since", before.QuerySelector(".infobox dd.status")!.TextContent.Trim(), StringComparison.Ordinal);
        var (_, after) = await App.GetPageAsync("/?asOf=s07e15");
        Assert.Equal("Testing since A test milestone (PDA)", after.QuerySelector(".infobox dd.status")!.TextContent.Trim());

        // The form shows the milestone as saved, with the episode's catalogue title.
        var form = await Pam.GetPageAsync(_editUrl);
        Assert.Equal("PDA", form.QuerySelector("input[name='Form.Milestone.Episode']")!.GetAttribute("value"));

        // It is a field of the revision like any other: the diff names it, and a revert takes it away again.
        var (_, diff) = await App.GetPageAsync($"/history/event/{_eventId}?from=1&to=2");
        Assert.Contains("Milestone", diff.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Status from then on", diff.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var reverted = await Pam.SubmitAsync($"/history/event/{_eventId}", new Dictionary<string, string> { ["ToRevision"] = "1" }, formSelector: "form.wiki-form");
        Assert.Equal(HttpStatusCode.Redirect, reverted.StatusCode);
        Assert.Equal(17, (await App.GetPageAsync("/timeline")).Document.QuerySelectorAll("a.tl-marker").Length);
        Assert.Null((await App.GetPageAsync("/seasons/7")).Document.QuerySelector($"#event-{_eventId} .milestone-tag"));
    }

    [Theory]
    [InlineData("", "Testing", "", "Form.Milestone.Label", "Give the milestone a label, or clear its status and episode.")]
    [InlineData("", "", "PDA", "Form.Milestone.Label", "Give the milestone a label, or clear its status and episode.")]
    [InlineData("A label", "", "The Dundys", "Form.Milestone.Episode", "No episode is called “The Dundys”. Use its title as the episode list gives it.")]
    [InlineData("A label far too long to be a label: it goes on and on and on, past eighty characters", "", "", "Form.Milestone.Label", "The milestone is too long: at most 80 characters.")]
    public async Task A_milestone_that_cannot_be_saved_is_refused_next_to_its_field_and_the_typed_text_is_kept(string label, string status, string episode, string field, string message)
    {
        using var response = await Pam.SubmitAsync(_editUrl, new Dictionary<string, string>
        {
            ["Form.Milestone.Label"] = label,
            ["Form.Milestone.Status"] = status,
            ["Form.Milestone.Episode"] = episode,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var input = page.QuerySelector($"input[name='{field}']")!;
        var error = page.GetElementById(input.GetAttribute("aria-describedby")!)!;
        Assert.Equal(message, error.TextContent.Trim());
        Assert.Equal(episode, page.QuerySelector("input[name='Form.Milestone.Episode']")!.GetAttribute("value") ?? "");
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
        Assert.Equal((1, null), await db.Events.Where(e => e.Id == _eventId).Select(e => new ValueTuple<int, string?>(e.Revision, e.Milestone)).SingleAsync());
    }

    [Fact]
    public async Task A_new_paragraph_can_carry_a_milestone_from_the_start()
    {
        using var saved = await Pam.SubmitAsync("/admin/events/new?season=8", new Dictionary<string, string>
        {
            ["Form.Body"] = "A new paragraph about [[Pam Beesly|Pam]].",
            ["Form.Milestone.Label"] = "A new milestone",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, timeline) = await App.GetPageAsync("/timeline");
        Assert.Contains(timeline.QuerySelectorAll("ol.tl-milestones a"), a => a.TextContent == "A new milestone");
    }
}
