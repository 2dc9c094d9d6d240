using JimPam.Wiki.Data;
using JimPam.Wiki.Tests.Pages.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Pages.History;

/// <summary>
/// On a wiki of three relationships, the history page of every entry that belongs to one (its article, each part of
/// its story, each joke) says whose it is and links to it on that relationship's own pages: the history of the
/// second relationship's article linked to the first's, built by hand instead of by the address book.
/// </summary>
[Trait("Engine", "Any")]
public sealed class EntryHistoryTests : EditorTestBase
{
    [Fact]
    public async Task Every_history_page_of_three_relationships_leads_to_its_own_relationship()
    {
        await AddRelationshipAsync("Dwight and Angela", "Dwight Schrute\nAngela Martin");
        await AddRelationshipAsync("Michael and Holly", "Michael Scott\nHolly Flax");

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
        var relationships = await db.Relationships.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Title, r.Slug }).ToListAsync();
        Assert.Equal(3, relationships.Count);
        var checkedPages = 0;
        foreach (var (relationship, index) in relationships.Select((r, i) => (r, i)))
        {
            var value = index == 0 ? null : relationship.Slug;
            var article = value is null ? "/" : $"/relationships/{value}";
            Assert.Equal(article, await ReadItAsync($"/history/relationship/{relationship.Id}"));

            var events = await db.Events.AsNoTracking().Where(e => e.RelationshipId == relationship.Id && !e.Deleted)
                .Select(e => new { e.Id, Season = e.Season.Number }).OrderBy(e => e.Id).Take(3).ToListAsync();
            foreach (var e in events)
            {
                var history = await Pam.GetPageAsync($"/history/event/{e.Id}");
                Assert.Contains($"of “{relationship.Title}”", history.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
                Assert.Equal(value is null ? $"/seasons/{e.Season}#event-{e.Id}" : $"/seasons/{e.Season}?relationship={value}#event-{e.Id}", await ReadItAsync($"/history/event/{e.Id}"));
                checkedPages++;
            }

            var jokes = await db.Jokes.AsNoTracking().Where(j => j.RelationshipId == relationship.Id).Select(j => j.Id).Take(2).ToListAsync();
            Assert.NotEmpty(events);
            Assert.NotEmpty(jokes);
            foreach (var joke in jokes)
            {
                var history = await Pam.GetPageAsync($"/history/joke/{joke}");
                Assert.Contains($"of “{relationship.Title}”", history.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
                Assert.Equal($"{article}#joke-{joke}", await ReadItAsync($"/history/joke/{joke}"));
                checkedPages++;
            }
        }

        Assert.True(checkedPages >= 7, $"{checkedPages} event and joke histories checked");
    }

    private async Task<string> ReadItAsync(string history) =>
        (await Pam.GetPageAsync(history)).QuerySelectorAll("main a").Single(a => a.TextContent == "Read it").GetAttribute("href")!;

    /// <summary>A relationship made through its form, with a part of its story in Season 3 and a recurring joke.</summary>
    private async Task AddRelationshipAsync(string title, string members)
    {
        (await Pam.SubmitAsync("/admin/relationships/new", new Dictionary<string, string>
        {
            ["Form.Title"] = title, ["Form.Members"] = members, ["Form.Intro"] = $"The story of {title}.", ["Form.Status"] = "",
        })).Dispose();
        var form = await Pam.GetPageAsync("/admin/events/new?season=3");
        var option = form.QuerySelectorAll("select[name='Form.RelationshipId'] option").Single(o => o.TextContent == title).GetAttribute("value")!;
        (await Pam.SubmitAsync("/admin/events/new?season=3", new Dictionary<string, string> { ["Form.RelationshipId"] = option, ["Form.Body"] = $"A part of {title}'s story." })).Dispose();
        (await Pam.SubmitAsync($"/admin/jokes/new?relationship={option}", new Dictionary<string, string> { ["Form.Body"] = $"A joke of {title}." })).Dispose();
    }
}
