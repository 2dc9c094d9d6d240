using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using JimPam.Wiki.Data;
using JimPam.Wiki.Tests.Pages.Account;
using JimPam.Wiki.Tests.Pages.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using static JimPam.Wiki.Tests.Media.TestPictures;

namespace JimPam.Wiki.Tests.Media;

/// <summary>
/// An editor puts a picture into a figure through the figure's form: what readers then get (the picture in every
/// width and format, its alt text and credit, on the season page, in the API and in search), what a bad file gets (a
/// message next to the file field, and nothing stored), and a replaced picture's history.
/// </summary>
[Trait("Engine", "Any")]
public sealed class FigureUploadTests : EditorTestBase
{
    private const string Alt = "Jim and Pam laugh on the roof of the office at dusk";

    [Fact]
    public async Task A_picture_uploaded_into_the_season_3_slot_is_shown_cleaned_with_its_alt_text_credit_and_every_variant()
    {
        var figure = await Season3FigureAsync();
        var jpeg = WithGpsExif(Photo(1600, 1200).JpegsaveBuffer(q: 90));

        using var saved = await UploadAsync(figure, new UploadedFile("Form.Image.File", "roof.jpg", "image/jpeg", jpeg), Alt, "Photo by a fan of the show");
        await AssertSavedAsync(saved);

        var shown = (await Pam.GetPageAsync("/seasons/3")).GetElementById($"event-{figure}")!;
        Assert.Null(shown.QuerySelector(".image-slot"));
        var img = shown.QuerySelector("picture img")!;
        Assert.Equal(Alt, img.GetAttribute("alt"));
        Assert.Equal(("640", "480"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal("async", img.GetAttribute("decoding"));
        Assert.False(string.IsNullOrEmpty(img.GetAttribute("sizes")));
        foreach (var (selector, type) in new[] { ("source[type='image/avif']", "image/avif"), ("source[type='image/webp']", "image/webp"), ("img", "image/jpeg") })
        {
            var srcset = shown.QuerySelector($"picture {selector}")!.GetAttribute("srcset")!;
            var candidates = srcset.Split(", ").Select(c => c.Split(' ')).ToList();
            using var reader = App.CreateClient();
            Assert.Equal(["320w", "640w", "1280w"], candidates.Select(c => c[1]));
            foreach (var address in candidates.Select(c => c[0]))
            {
                using var file = await reader.GetAsync(new Uri(address, UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, file.StatusCode);
                Assert.Equal(type, file.Content.Headers.ContentType!.MediaType);
                Assert.Contains("immutable", file.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
                var bytes = await file.Content.ReadAsByteArrayAsync();
                Assert.True(bytes.AsSpan().IndexOf("Exif\0\0"u8) < 0, address);
            }
        }

        Assert.Contains("Image: Photo by a fan of the show", shown.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);

        // The API gives the figure's words and every file; search finds it by what the picture shows and by its credit.
        using var api = JsonDocument.Parse(await Pam.Client.GetStringAsync(new Uri("/api/v1/seasons/3", UriKind.Relative)));
        var part = api.RootElement.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("id").GetInt32() == figure);
        var image = part.GetProperty("image");
        Assert.Equal(Alt, image.GetProperty("alt").GetString());
        Assert.Equal("Photo by a fan of the show", image.GetProperty("credit").GetString());
        Assert.Equal(part.GetProperty("markdown").GetString(), image.GetProperty("captionMarkdown").GetString());
        Assert.Equal(9, image.GetProperty("variants").GetArrayLength());
        Assert.All(image.GetProperty("variants").EnumerateArray(), v => Assert.StartsWith("http", v.GetProperty("link").GetString(), StringComparison.Ordinal));
        foreach (var query in new[] { "roof dusk", "fan of the show" })
        {
            var results = await Pam.GetPageAsync("/search?q=" + Uri.EscapeDataString(query));
            Assert.NotNull(results.QuerySelector($"main a[href$='#event-{figure}']"));
        }

        Assert.Equal((1, 10), await StoredAsync());
    }

    public static TheoryData<string, string, string, string> BadFiles => new()
    {
        { "svg", "drawing.svg", "image/svg+xml", "SVG" },
        { "bomb", "huge.png", "image/png", "40 megapixels" },
        { "truncated", "cut.jpg", "image/jpeg", "damaged or incomplete" },
        { "polyglot", "both.gif", "image/gif", "also carries markup" },
        { "empty", "nothing.jpg", "image/jpeg", "The file is empty." },
        { "25mb", "big.jpg", "image/jpeg", "20 MB" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_next_to_the_file_field_with_the_editors_words_kept_and_nothing_stored(string kind, string name, string type, string message)
    {
        var figure = await Season3FigureAsync();
        var bytes = kind switch
        {
            "svg" => Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"""),
            "bomb" => PngClaiming(50_000, 50_000),
            "truncated" => Photo(800, 600).JpegsaveBuffer(q: 90) is var whole ? whole[..(whole.Length / 2)] : [],
            "polyglot" => GifAndHtml(),
            "empty" => [],
            _ => new byte[25 * 1024 * 1024],
        };

        using var refused = await UploadAsync(figure, new UploadedFile("Form.Image.File", name, type, bytes), Alt, "A credit");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = await ParseAsync(refused);
        Assert.Contains(message, form.GetElementById("form-image-file-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Alt, ((IHtmlInputElement)form.GetElementById("Form_Image_Alt")!).Value);
        Assert.Equal((0, 0), await StoredAsync());
        Assert.NotNull((await Pam.GetPageAsync("/seasons/3")).GetElementById($"event-{figure}")!.QuerySelector(".image-slot"));
    }

    [Fact]
    public async Task A_jpeg_named_png_is_judged_by_what_it_holds_and_stored_as_a_jpeg()
    {
        var figure = await Season3FigureAsync();

        using var saved = await UploadAsync(figure, new UploadedFile("Form.Image.File", "holiday.png", "image/png", Photo(700, 500).JpegsaveBuffer(q: 90)), Alt, null);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var src = (await Pam.GetPageAsync("/seasons/3")).GetElementById($"event-{figure}")!.QuerySelector("picture img")!.GetAttribute("src")!;
        Assert.EndsWith(".jpg", src, StringComparison.Ordinal);
        await using var scope = App.Services.CreateAsyncScope();
        Assert.EndsWith(".jpg", await scope.ServiceProvider.GetRequiredService<WikiDbContext>().Images.Select(i => i.Original).SingleAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_picture_without_alt_text_is_asked_for_it_and_kept_so_the_second_try_needs_no_new_upload()
    {
        var figure = await Season3FigureAsync();

        using var first = await UploadAsync(figure, new UploadedFile("Form.Image.File", "roof.jpg", "image/jpeg", Photo(900, 600).JpegsaveBuffer(q: 90)), "", null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var form = await ParseAsync(first);
        Assert.Contains("Say what is in the picture", form.GetElementById("form-image-alt-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(form.QuerySelector(".image-current picture img"));

        using var second = await Pam.PostFormAsync(form, new Dictionary<string, string> { ["Form.Image.Alt"] = Alt }, url: $"/admin/events/{figure}/edit");
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(Alt, (await Pam.GetPageAsync("/seasons/3")).GetElementById($"event-{figure}")!.QuerySelector("picture img")!.GetAttribute("alt"));
        Assert.Equal(1, (await StoredAsync()).Images);
    }

    [Fact]
    public async Task Replacing_a_picture_is_a_revision_and_reverting_brings_the_first_back()
    {
        var figure = await Season3FigureAsync();
        (await UploadAsync(figure, new UploadedFile("Form.Image.File", "one.jpg", "image/jpeg", Photo(800, 600).JpegsaveBuffer(q: 90)), "The first picture", null)).Dispose();
        var firstSrc = await ShownSrcAsync(figure);
        (await UploadAsync(figure, new UploadedFile("Form.Image.File", "two.png", "image/png", Photo(600, 800).PngsaveBuffer()), "The second picture", null)).Dispose();
        var secondSrc = await ShownSrcAsync(figure);
        Assert.NotEqual(firstSrc, secondSrc);

        var history = await Pam.GetPageAsync($"/history/event/{figure}");
        var latest = history.QuerySelectorAll("input[name=to]").Select(i => int.Parse(i.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)).Max();
        var beforeReplace = latest - 1;
        var change = (await Pam.GetPageAsync($"/history/event/{figure}?from={beforeReplace}&to={latest}")).QuerySelector("main")!.TextContent;
        Assert.Contains("Alt text", change, StringComparison.Ordinal);
        Assert.Contains("Picture (id)", change, StringComparison.Ordinal);
        using (var reverted = await Pam.SubmitAsync($"/history/event/{figure}", new Dictionary<string, string> { ["ToRevision"] = beforeReplace.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formSelector: "form.wiki-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, reverted.StatusCode);
        }

        Assert.Equal(firstSrc, await ShownSrcAsync(figure));
        Assert.Equal("The first picture", (await Pam.GetPageAsync("/seasons/3")).GetElementById($"event-{figure}")!.QuerySelector("picture img")!.GetAttribute("alt"));

        // Taking the picture out brings the placeholder back.
        using (var removed = await Pam.SubmitAsync($"/admin/events/{figure}/edit", new Dictionary<string, string> { ["Form.Image.Remove"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        Assert.NotNull((await Pam.GetPageAsync("/seasons/3")).GetElementById($"event-{figure}")!.QuerySelector(".image-slot"));
    }

    [Fact]
    public async Task A_picture_uploaded_on_one_instance_is_served_by_another_on_the_same_database()
    {
        var figure = await Season3FigureAsync();
        (await UploadAsync(figure, new UploadedFile("Form.Image.File", "roof.jpg", "image/jpeg", Photo(900, 600).JpegsaveBuffer(q: 90)), Alt, null)).Dispose();
        var src = await ShownSrcAsync(figure);

        await using var other = WikiAppFactory.OnDatabase(App.DatabasePath);
        var (_, season) = await other.GetPageAsync("/seasons/3");
        Assert.Equal(src, season.GetElementById($"event-{figure}")!.QuerySelector("picture img")!.GetAttribute("src"));
        using var client = other.CreateClient();
        using var file = await client.GetAsync(new Uri(src, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        using var decoded = Image.NewFromBuffer(await file.Content.ReadAsByteArrayAsync());
        Assert.Equal(640, decoded.Width);
    }

    [Fact]
    public async Task The_media_list_adds_a_figure_with_its_picture_to_any_season_and_lists_where_each_picture_is_shown()
    {
        var media = await Pam.GetPageAsync("/admin/media");
        Assert.Contains("No picture yet", media.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using var added = await Pam.PostFormAsync(media, new Dictionary<string, string>
        {
            ["Form.Image.Alt"] = Alt, ["Form.Image.Credit"] = "A fan", ["Form.Body"] = "The roof, as [[Pam Beesly|Pam]] painted it.", ["Form.Season"] = "9",
        }, url: "/admin/media", file: new UploadedFile("Form.Image.File", "roof.webp", "image/webp", Photo(1400, 700).WebpsaveBuffer()));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var eventId = int.Parse(added.Headers.Location!.OriginalString.Split("#event-")[1], System.Globalization.CultureInfo.InvariantCulture);

        var shown = (await Pam.GetPageAsync("/seasons/9")).GetElementById($"event-{eventId}")!;
        Assert.Equal(Alt, shown.QuerySelector("picture img")!.GetAttribute("alt"));
        Assert.Contains("The roof, as Pam painted it.", shown.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);

        var list = await Pam.GetPageAsync("/admin/media");
        Assert.NotNull(list.QuerySelector($".media-list a[href='/admin/events/{eventId}/edit']"));
        Assert.Contains("1400 × 700", list.QuerySelector(".media-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paragraph_cannot_hold_a_picture()
    {
        using var refused = await Pam.UploadAsync("/admin/events/new?season=3", new Dictionary<string, string>
        {
            ["Form.Kind"] = "Paragraph", ["Form.Body"] = "A paragraph.", ["Form.Image.Alt"] = Alt,
        }, new UploadedFile("Form.Image.File", "roof.jpg", "image/jpeg", Photo(300, 200).JpegsaveBuffer()));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Only a figure holds a picture", (await ParseAsync(refused)).GetElementById("form-image-file-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readers_cannot_reach_the_media_list_or_upload()
    {
        using var reader = new EditorSession(App);
        Assert.Equal(HttpStatusCode.Redirect, await reader.StatusOfAsync("/admin/media"));
    }

    /// <summary>The id of Season 3's figure ("Jimpam s3"), a placeholder in the seed.</summary>
    private async Task<int> Season3FigureAsync()
    {
        var slot = (await Pam.GetPageAsync("/seasons/3")).QuerySelector("figure.event-figure .image-slot")!;
        return int.Parse(slot.Closest("figure")!.Id!["event-".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<HttpResponseMessage> UploadAsync(int figure, UploadedFile file, string alt, string? credit) =>
        Pam.UploadAsync($"/admin/events/{figure}/edit", new Dictionary<string, string> { ["Form.Image.Alt"] = alt, ["Form.Image.Credit"] = credit ?? "" }, file);

    private async Task<string> ShownSrcAsync(int figure) =>
        (await Pam.GetPageAsync("/seasons/3")).GetElementById($"event-{figure}")!.QuerySelector("picture img")!.GetAttribute("src")!;

    private async Task<(int Images, int Files)> StoredAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
        return (await db.Images.CountAsync(), await db.MediaBlobs.CountAsync());
    }

    /// <summary>Saved (a redirect to the part); otherwise the failure names the messages the form showed.</summary>
    private static async Task AssertSavedAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var errors = (await ParseAsync(response)).QuerySelectorAll(".field-error, .form-errors").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0);
            Assert.Fail($"Not saved ({(int)response.StatusCode}): {string.Join(" | ", errors)}");
        }
    }

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
}
