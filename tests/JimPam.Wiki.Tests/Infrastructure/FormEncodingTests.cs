using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Parser;
using JimPam.Wiki.Data;
using JimPam.Wiki.Tests.Pages.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Infrastructure;

/// <summary>
/// One form reader for both encodings: every address that takes a form (read from the app), posted by a logged-in
/// editor with a valid antiforgery token, URL-encoded and multipart, with a NUL in its fields or a field in utf-7,
/// utf-16 or ibm037: each is answered 400 (the form again, with the text and a message next to each field) or 415
/// (a form that names another charset as a whole), nothing is saved, and the editor stays logged in.
/// </summary>
[Trait("Engine", "Any")]
public sealed class FormEncodingTests : EditorTestBase
{
    /// <summary>The fields every post carries: the names the wiki's forms use, so each page finds some of its own.</summary>
    private static readonly string[] FieldNames = ["Form.Name", "Form.Title", "Form.Summary", "Form.Body", "Form.Intro", "Form.EditSummary", "Form.Password", "ToRevision"];

    public static TheoryData<string, string> Damages()
    {
        var data = new TheoryData<string, string>();
        foreach (var encoding in new[] { "urlencoded", "multipart" })
        {
            foreach (var damage in new[] { "nul", "utf-7", "utf-16", "ibm037" })
            {
                data.Add(encoding, damage);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task Every_form_route_answers_a_damaged_form_with_400_or_415_and_saves_nothing(string encoding, string damage)
    {
        var routes = await AppRoutes.FormAddressesAsync(App.Services);
        var token = (await Pam.GetPageAsync("/admin/seasons/3/edit")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var revisions = await CountAsync(db => db.Revisions);
        var failures = new List<string>();

        foreach (var route in routes)
        {
            using var content = Content(encoding, damage, token);
            using var response = await Pam.Client.PostAsync(new Uri(route, UriKind.Relative), content);
            var body = await response.Content.ReadAsStringAsync();
            var expected = encoding == "urlencoded" && damage != "nul" ? HttpStatusCode.UnsupportedMediaType : HttpStatusCode.BadRequest;
            if (response.StatusCode != expected)
            {
                failures.Add($"{route}: {(int)response.StatusCode}, not {(int)expected}");
            }
            else if (!body.Contains(damage == "nul" ? "NUL character" : damage, StringComparison.Ordinal))
            {
                failures.Add($"{route}: {(int)response.StatusCode} does not say why");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(revisions, await CountAsync(db => db.Revisions));
        Assert.Equal(HttpStatusCode.OK, await Pam.StatusOfAsync("/admin"));
    }

    [Theory]
    [InlineData("[[x")]
    [InlineData("a[b")]
    [InlineData("x]")]
    [InlineData("Form.Name[")]
    public async Task A_field_name_with_brackets_that_do_not_pair_is_no_server_error(string name)
    {
        // MVC's jQuery-style value provider threw ArgumentException on such a name, in every form and before any
        // handler (found by GeneratedRequestTests); the wiki's forms use no jQuery names.
        var page = await Pam.GetPageAsync("/admin/characters/new");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var multipart in new[] { false, true })
        {
            using HttpContent content = multipart
                ? new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("x"), $"\"{name}\"" }, { new StringContent(""), "Form.Name" } }
                : new FormUrlEncodedContent([new("__RequestVerificationToken", token), new(name, "x"), new("Form.Name", "")]);
            using var response = await Pam.Client.PostAsync(new Uri("/admin/characters/new", UriKind.Relative), content);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("field-error", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var read = await Pam.Client.GetAsync(new Uri($"/search?q=pam&{Uri.EscapeDataString(name)}=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var shield = await Pam.Client.GetAsync(new Uri($"/shield?{Uri.EscapeDataString(name)}=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, shield.StatusCode);
    }

    [Theory]
    [InlineData("utf-7", "Jim +AGQ- Pam")]
    [InlineData("utf-16", "Jim and Pam")]
    [InlineData("ibm037", "Jim and Pam")]
    public async Task A_paragraph_part_in_another_charset_comes_back_as_read_with_a_message_next_to_it(string charset, string text)
    {
        var editUrl = (await Pam.GetPageAsync("/seasons/5")).QuerySelector(".event .edit-links a")!.GetAttribute("href")!;
        var id = int.Parse(editUrl.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
        var page = await Pam.GetPageAsync(editUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var baseRevision = page.QuerySelector("input[name='Form.BaseRevision']")!.GetAttribute("value")!;

        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(baseRevision), "Form.BaseRevision" },
            { Part(text, charset), "Form.Body" },
        };
        using var response = await Pam.Client.PostAsync(new Uri(editUrl, UriKind.Relative), content);
        var shown = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(text, shown.QuerySelector("textarea[name='Form.Body']")!.TextContent.TrimStart('\n'));
        Assert.Contains($"charset “{charset}”", shown.QuerySelector("#body-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("nothing was saved", shown.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(db => db.Events.Where(e => e.Id == id && e.Revision == 1)));
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_come_back_marked_instead_of_being_saved_as_replacement_characters()
    {
        var page = await Pam.GetPageAsync("/admin/seasons/4/edit");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var baseRevision = page.QuerySelector("input[name='Form.BaseRevision']")!.GetAttribute("value")!;
        using var content = new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token)}&Form.BaseRevision={baseRevision}&Form.Summary=Caf%E9%20Disco", Encoding.ASCII, "application/x-www-form-urlencoded");

        using var response = await Pam.Client.PostAsync(new Uri("/admin/seasons/4/edit", UriKind.Relative), content);
        var shown = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Caf\uFFFD Disco", shown.QuerySelector("textarea[name='Form.Summary']")!.TextContent.TrimStart('\n'));
        Assert.Contains("not UTF-8", shown.QuerySelector("#summary-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(db => db.Seasons.Where(s => s.Number == 4 && s.Revision == 1)));
    }

    private static HttpContent Content(string encoding, string damage, string token)
    {
        var value = damage == "nul" ? "Jim\0Pam" : "Jim and Pam";
        if (encoding == "urlencoded")
        {
            var fields = FieldNames.Select(name => KeyValuePair.Create(name, value)).Append(KeyValuePair.Create("__RequestVerificationToken", token));
            var form = new FormUrlEncodedContent(fields);
            if (damage != "nul")
            {
                form.Headers.ContentType = MediaTypeHeaderValue.Parse($"application/x-www-form-urlencoded; charset={damage}");
            }

            return form;
        }

        var multipart = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var name in FieldNames)
        {
            multipart.Add(damage == "nul" ? new StringContent(value) : Part(value, damage), name);
        }

        return multipart;
    }

    /// <summary>A part whose bytes are the text in UTF-8, as a browser sends it, but whose header names another charset.</summary>
    private static ByteArrayContent Part(string text, string charset)
    {
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        part.Headers.ContentType = MediaTypeHeaderValue.Parse($"text/plain; charset={charset}");
        return part;
    }

    private async Task<int> CountAsync<T>(Func<WikiDbContext, IQueryable<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<WikiDbContext>()).CountAsync();
    }
}
