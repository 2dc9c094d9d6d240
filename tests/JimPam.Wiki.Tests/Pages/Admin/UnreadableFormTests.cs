using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using JimPam.Wiki.Data;
using JimPam.Wiki.Tests.Pages.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Pages.Admin;

/// <summary>
/// A NUL character in a posted field (sent as %00), which the framework's form reader refuses: the form comes back
/// with the typed text and a message next to the field, status 400, and nothing is saved, deleted or reverted.
/// </summary>
[Trait("Engine", "Any")]
public sealed class UnreadableFormTests : EditorTestBase
{
    [Fact]
    public async Task A_season_summary_with_a_nul_comes_back_with_the_typed_text_and_a_message_next_to_the_field()
    {
        using var response = await Pam.SubmitAsync("/admin/seasons/4/edit", new Dictionary<string, string>
        {
            ["Form.Summary"] = "Jim comes back from Stamford.\0 Then he dates Pam.",
            ["Form.EditSummary"] = "A better summary",
        });
        var page = await PageOf(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Jim comes back from Stamford. Then he dates Pam.", page.QuerySelector("textarea[name='Form.Summary']")!.TextContent.TrimStart('\n'));
        Assert.Equal("A better summary", page.QuerySelector("input[name='Form.EditSummary']")!.GetAttribute("value"));
        Assert.Contains("NUL character", page.QuerySelector("#summary-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("could not be read as it was sent, so nothing was saved", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await RevisionAsync(db => db.Seasons.Where(s => s.Number == 4).Select(s => s.Revision)));
    }

    [Fact]
    public async Task A_paragraph_with_a_nul_in_its_text_comes_back_unsaved_and_its_preview_too()
    {
        var editUrl = (await Pam.GetPageAsync("/seasons/5")).QuerySelector(".event .edit-links a")!.GetAttribute("href")!;
        var id = int.Parse(editUrl.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);

        using var saved = await Pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Body"] = "Jim and Pam\0 in [[Niagara]]." });
        var page = await PageOf(saved);
        Assert.Equal(HttpStatusCode.BadRequest, saved.StatusCode);
        Assert.Equal("Jim and Pam in [[Niagara]].", page.QuerySelector("textarea[name='Form.Body']")!.TextContent.TrimStart('\n'));
        Assert.Contains("NUL character", page.QuerySelector("#body-error")!.TextContent, StringComparison.Ordinal);

        using var preview = await Pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Body"] = "Preview\0 me" }, button: "Preview");
        Assert.Equal(HttpStatusCode.BadRequest, preview.StatusCode);
        Assert.Equal("Preview me", (await PageOf(preview)).QuerySelector("textarea[name='Form.Body']")!.TextContent.TrimStart('\n'));

        Assert.Equal(1, await RevisionAsync(db => db.Events.Where(e => e.Id == id).Select(e => e.Revision)));
    }

    [Fact]
    public async Task A_delete_with_a_nul_in_its_summary_deletes_nothing_and_shows_the_entry_with_the_reason()
    {
        var editUrl = (await Pam.GetPageAsync("/episodes/casino-night")).QuerySelectorAll("a").First(a => a.TextContent.Contains("Edit", StringComparison.Ordinal) && a.GetAttribute("href")!.StartsWith("/admin/episodes/", StringComparison.Ordinal)).GetAttribute("href")!;

        using var response = await Pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Summary"] = "Gone\0" }, button: "Delete this episode");
        var page = await PageOf(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Casino Night", page.QuerySelector("input[name='Form.Title']")!.GetAttribute("value"));
        Assert.Contains("nothing was saved", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await App.GetPageAsync("/episodes/casino-night")).Response.StatusCode);
    }

    [Fact]
    public async Task A_revert_with_a_nul_reverts_nothing_and_says_why()
    {
        (await Pam.SubmitAsync("/admin/seasons/4/edit", new Dictionary<string, string> { ["Form.Summary"] = "A new summary" })).Dispose();
        var seasonId = await RevisionAsync(db => db.Seasons.Where(s => s.Number == 4).Select(s => s.Id));

        using var response = await Pam.SubmitAsync($"/history/season/{seasonId}", new Dictionary<string, string> { ["ToRevision"] = "1\0" }, formSelector: "form.wiki-form");
        var page = await PageOf(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Nothing was reverted", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("NUL character", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await RevisionAsync(db => db.Seasons.Where(s => s.Number == 4).Select(s => s.Revision)));
    }

    /// <summary>Multipart too: its NUL reached PostgreSQL, a 500 before anyone logged in.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_login_with_a_nul_in_the_name_comes_back_with_the_name_and_logs_nobody_in(bool multipart)
    {
        using var fresh = new EditorSession(App);
        using var response = await fresh.LogInAsync("pa\0m", multipart: multipart);
        var page = await PageOf(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("pam", page.QuerySelector("input[name='Form.Name']")!.GetAttribute("value"));
        Assert.Contains("NUL character", page.QuerySelector("#name-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await fresh.StatusOfAsync("/admin"));
    }

    [Fact]
    public async Task A_form_that_cannot_be_read_at_all_gets_a_page_that_says_why()
    {
        var fields = string.Join("&", Enumerable.Range(0, 1100).Select(i => $"f{i}=x"));
        using var content = new StringContent(fields, Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await Pam.Client.PostAsync(new Uri("/admin/seasons/4/edit", UriKind.Relative), content);
        var page = await PageOf(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("This form cannot be read", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("1024", page.QuerySelector("main p")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", page.QuerySelector("main p")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<IHtmlDocument> PageOf(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    private async Task<int> RevisionAsync(Func<WikiDbContext, IQueryable<int>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<WikiDbContext>()).SingleAsync();
    }
}
