using JimPam.Wiki.Tests.Pages.Account;

namespace JimPam.Wiki.Tests.Pages.Admin;

/// <summary>The editors' pages pass the W3C Nu HTML checker too, as a logged-in editor sees them (own app and database).</summary>
[Trait("Engine", "Any")]
public sealed class AdminHtmlValidityTests : EditorTestBase
{

    [Fact]
    public async Task Every_editor_page_has_no_html_errors()
    {
        var eventEdit = (await Pam.GetPageAsync("/seasons/5")).QuerySelector(".event .edit-links a")!.GetAttribute("href")!;
        var jokeEdit = (await Pam.GetPageAsync("/seasons/5")).QuerySelector(".edit-joke")!.GetAttribute("href")!;

        await HtmlValidityTests.AssertValidAsync(Pam.Client,
        [
            "/admin", "/admin/account", "/admin/broken-links", "/admin/episodes/new", "/admin/episodes/1/edit", "/admin/characters/new", "/admin/characters/1/edit",
            "/admin/relationships/1/edit", "/admin/seasons/5/edit", "/admin/jokes/new", jokeEdit, "/admin/events/new?season=5", eventEdit,
            "/history/event/1", "/seasons/5", "/episodes/pilot", "/",
        ]);
    }
}
