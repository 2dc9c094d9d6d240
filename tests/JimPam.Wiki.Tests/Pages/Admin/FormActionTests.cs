using AngleSharp.Html.Dom;
using JimPam.Wiki.Tests.Infrastructure;

namespace JimPam.Wiki.Tests.Pages.Admin;

/// <summary>
/// Every form of every editor's page posts back to the page's own address, its values included, whichever button
/// sends it: a Preview or Delete button whose formaction named another address (the relationship form's Preview went
/// to "new relationship", where the edit could not be saved) loses the edit.
/// </summary>
public sealed class FormActionTests : EditorTestBase
{
    [Fact]
    public async Task Every_button_of_every_admin_form_posts_to_the_pages_own_address()
    {
        var failures = new List<string>();
        var buttons = 0;
        var pages = (await AppRoutes.ReadAsync(App.Services)).Where(r => r.Template.StartsWith("/admin", StringComparison.Ordinal)).Select(r => r.Sample).ToList();
        pages.AddRange(["/admin/events/new?season=3", "/admin/jokes/new?relationship=1"]);
        foreach (var address in pages)
        {
            var page = await Pam.GetPageAsync(address);
            var own = address.Split('?')[0];
            foreach (var form in page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)))
            {
                var action = form.GetAttribute("action") is { Length: > 0 } given ? given : address;
                foreach (var button in form.QuerySelectorAll("button[type=submit], input[type=submit]"))
                {
                    buttons++;
                    var target = button.GetAttribute("formaction") ?? action;
                    var path = target.Split('?')[0];
                    if (path != own && !ByDesign(own, path))
                    {
                        failures.Add($"{address}: “{button.TextContent.Trim()}” posts to {target}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(buttons > 20, $"{buttons} buttons found");
    }

    [Fact]
    public async Task A_preview_of_a_relationship_edit_stays_on_the_edit_and_the_edit_then_saves()
    {
        var page = await Pam.GetPageAsync("/admin/relationships/1/edit");

        using var preview = await Pam.PostFormAsync(page, new Dictionary<string, string> { ["Form.Intro"] = "A previewed intro." }, button: "Preview", url: "/admin/relationships/1/edit");
        var previewed = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await preview.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.OK, preview.StatusCode);
        Assert.DoesNotContain("New relationship", previewed.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        using var saved = await Pam.PostFormAsync(previewed, new Dictionary<string, string> { ["Form.Intro"] = "A previewed intro." }, url: "/admin/relationships/1/edit");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        var article = await Pam.GetPageAsync("/");
        Assert.Contains("A previewed intro.", article.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Forms that post elsewhere by design: logging out, and the media list's "add a figure", which makes a new event.</summary>
    private static bool ByDesign(string page, string target) =>
        target == "/logout" || (page == "/admin/media" && target == "/admin/events/new");
}
