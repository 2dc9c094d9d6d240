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

        // A figure with its picture: the season page's <picture>, and the form that shows the current picture.
        var figureEdit = (await Pam.GetPageAsync("/seasons/3")).QuerySelector("figure.event-figure .edit-links a")!.GetAttribute("href")!;
        using (var uploaded = await Pam.UploadAsync(figureEdit, new Dictionary<string, string> { ["Form.Image.Alt"] = "A test picture" },
            new Account.UploadedFile("Form.Image.File", "test.jpg", "image/jpeg", Media.TestPictures.Photo(900, 600).JpegsaveBuffer())))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        await HtmlValidityTests.AssertValidAsync(Pam.Client,
        [
            "/admin", "/admin/account", "/admin/broken-links", "/admin/episodes/new", "/admin/episodes/1/edit", "/admin/characters/new", "/admin/characters/1/edit",
            "/admin/relationships/1/edit", "/admin/seasons/5/edit", "/admin/jokes/new", jokeEdit, "/admin/events/new?season=5", eventEdit,
            "/history/event/1", "/seasons/5", "/episodes/pilot", "/", "/admin/media", figureEdit, "/seasons/3",
        ]);
    }
}
