using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CsCheck;
using JimPam.Wiki.Tests.Content;
using Xunit.Abstractions;

namespace JimPam.Wiki.Tests.Infrastructure;

/// <summary>
/// Requests made by a machine, over HTTP, to the real app with an editor logged in: GETs of every route read from the
/// app with generated values in its parameters and query keys, and form posts (URL-encoded and multipart, with a valid
/// antiforgery token) to every address that takes one, with generated fields, text, bytes and charsets. No answer is a
/// server error, the API answers every error with a problem document, and afterwards every page still reads. The
/// inputs come from a fixed seed (JIMPAM_GENERATED_SEED explores others), within a budget that keeps CI short.
/// </summary>
[Trait("Engine", "Any")]
public sealed class GeneratedRequestTests(HostileAddressTests.EditorsWiki wiki, ITestOutputHelper output) : IClassFixture<HostileAddressTests.EditorsWiki>
{
    /// <summary>Requests of each kind a run sends: about 20 s on each engine.</summary>
    private const int Reads = 1200, Posts = 600;

    private const string FixedRunSeed = "http-1";

    /// <summary>
    /// Seeds that found a fault: a multipart field in utf-7 whose name was over the key length limit, which the form
    /// reader left to the framework's, which threw; field names whose brackets do not pair ("[[x"), on which MVC's
    /// jQuery-name reader threw. Each was a 500.
    /// </summary>
    private static readonly string[] PostFaults = ["3m_tQI-pbPY7UlNi1", "9PYbs--BkCsjr_XE", "aAp3a6afQxX7eVN5", "bl5BLK9ARPiUSK921", "fXbXvlAvYY1vEt7R", "ffoSj_4XVJCW1xZK"];

    /// <summary>What generated text is made of: the wiki's own values, syntax, encodings that break, and characters no form sends.</summary>
    private static readonly string[] Pieces =
    [
        "jim-and-pam", "the-dundies", "pam-beesly", "3", "0", "-1", "999999999999", "s04e01", "s99e99", "show", "event", "episode", "v1",
        "..", "/", "\\", "%", "%2", "%zz", "+", "&", "=", "?", "#", ";", " ", "\t", "\n", "\r\n", "\0", "\u0085", "\u00a0", "\u200b", "\u202e",
        "\ud800", "\udfff", "\ud83d\ude00", "é", "İ", "ß", "[[", "]]", "<script>", "\"", "'", "`", "{{", "${x}", "null", "true", "[]",
    ];

    private static readonly Gen<string> Text = Gen.Frequency(
        (5, Gen.OneOf(Pieces).Array[0, 8].Select(string.Concat)),
        (2, Gen.String[0, 40]),
        (1, Gen.Int[500, 3000].Select(n => new string('a', n))));

    /// <summary>A value as it goes into an address: its UTF-8 escaped, or raw escapes of any bytes (so invalid UTF-8 too).</summary>
    private static readonly Gen<string> Escaped = Gen.Frequency(
        (4, Text.Select(Escape)),
        (1, Gen.Byte.Array[1, 12].Select(bytes => string.Concat(bytes.Select(b => $"%{b:X2}")))));

    private static readonly string[] FieldNames =
    [
        "Form.Name", "Form.Title", "Form.Slug", "Form.Summary", "Form.EditSummary", "Form.Body", "Form.Intro", "Form.Status", "Form.Aliases", "Form.Members",
        "Form.Season", "Form.Position", "Form.NumberInSeason", "Form.AirDate", "Form.BaseRevision", "Form.Kind", "Form.Milestone.Label", "Form.Milestone.Episode",
        "Form.Image.Alt", "Form.Image.ImageId", "Form.Image.Remove", "Form.Password", "ToRevision", "handler",
    ];

    private static readonly string?[] Charsets = [null, null, null, "utf-8", "UTF8", "utf-7", "utf-16", "ibm037", "x-nonsense", "\"\""];

    [Fact]
    public async Task Generated_reads_of_every_route_never_get_a_server_error()
    {
        var routes = await AppRoutes.ReadAsync(wiki.App.Services);
        var client = wiki.Editor.Client;
        var key = Gen.Frequency((4, Gen.Int[0, 100].Select(i => (int?)i)), (1, Gen.Const((int?)null)));
        var read = Gen.Select(Gen.Int[0, 1000], Escaped.Array[1, 3], Gen.Select(key, Escaped, Escaped).Array[0, 4]);

        await GeneratedRun.CheckAsync(read, async input =>
        {
            var (which, values, query) = input;
            var route = routes[which % routes.Count];

            // A NUL in a path is Kestrel's to refuse (KestrelTests); the test server would throw before the app saw it.
            var path = AppRoutes.Address(route.Template, route.Parameters.Zip(values).ToDictionary(p => p.First, p => p.Second.Replace("%00", "%01", StringComparison.OrdinalIgnoreCase)));
            var keys = route.QueryKeys.Append("x").ToList();
            // A key the route reads, or one made up (the value's twin, escaped as generated).
            var url = path + (query.Length == 0 ? "" : "?" + string.Join("&", query.Select(q => $"{(q.Item1 is { } k ? keys[k % keys.Count] : q.Item3)}={q.Item2}")));
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            await AssertAnsweredAsync(url, response);
        }, Reads, [], output, nameof(Generated_reads_of_every_route_never_get_a_server_error), FixedRunSeed);
    }

    [Fact]
    public async Task Generated_form_posts_to_every_form_route_never_get_a_server_error_and_leave_every_page_readable()
    {
        var routes = await AppRoutes.FormAddressesAsync(wiki.App.Services);
        var client = wiki.Editor.Client;
        var token = (await wiki.Editor.GetPageAsync("/admin/seasons/3/edit")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var field = Gen.Select(Gen.Frequency((6, Gen.OneOf(FieldNames)), (1, Text)), Text, Gen.OneOf(Charsets), Gen.Bool);
        var post = Gen.Select(Gen.Int[0, 1000], Gen.Bool, field.Array[0, 8], Gen.Int[0, 20]);

        await GeneratedRun.CheckAsync(post, async input =>
        {
            var (which, multipart, fields, formCharset) = input;
            var route = routes[which % routes.Count];
            using HttpContent content = multipart ? Multipart(token, fields) : UrlEncoded(token, fields, formCharset == 0 ? "utf-16" : null);
            using var response = await client.PostAsync(new Uri(route, UriKind.Relative), content);
            await AssertAnsweredAsync($"POST {route} {(multipart ? "multipart" : "urlencoded")} {string.Join(" & ", fields.Select(f => $"{Escape(f.Item1)}={Escape(f.Item2)} ({f.Item3}{(f.Item4 ? ", as UTF-16" : "")})"))}", response);
        }, Posts, PostFaults, output, nameof(Generated_form_posts_to_every_form_route_never_get_a_server_error_and_leave_every_page_readable), FixedRunSeed);

        // Whatever the posts saved, every page and resource still reads.
        foreach (var route in await AppRoutes.ReadAsync(wiki.App.Services))
        {
            using var response = await client.GetAsync(new Uri(route.Sample, UriKind.Relative));
            await AssertAnsweredAsync(route.Sample, response);
        }
    }

    private static async Task AssertAnsweredAsync(string what, HttpResponseMessage response)
    {
        // Where the request went, as sent (a ".." in a value leaves the API for its reference page, /api).
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        var api = path.StartsWith("/api/v1", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/openapi/", StringComparison.OrdinalIgnoreCase);
        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{Short(what)}: {status}\n{Short(await response.Content.ReadAsStringAsync())}");
        if (api && status >= 400 && response.StatusCode != System.Net.HttpStatusCode.TooManyRequests)
        {
            var type = response.Content.Headers.ContentType?.MediaType;
            Assert.True(type == "application/problem+json", $"{Short(what)}: {status} as {type}, not a problem document");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(json.RootElement.GetProperty("status").GetInt32() == status, $"{Short(what)}: the problem document's status is not {status}");
        }
    }

    private static FormUrlEncodedContent UrlEncoded(string token, (string Name, string Value, string? Charset, bool Raw)[] fields, string? charset)
    {
        var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
        if (charset is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse($"application/x-www-form-urlencoded; charset={charset}");
        }

        return content;
    }

    private static MultipartFormDataContent Multipart(string token, (string Name, string Value, string? Charset, bool Raw)[] fields)
    {
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value, charset, raw) in fields)
        {
            // Raw: the text's UTF-16 code units as bytes, which are seldom UTF-8; else its UTF-8, with the part's charset named.
            var part = new ByteArrayContent(raw ? Encoding.Unicode.GetBytes(value) : Encoding.UTF8.GetBytes(value));
            if (charset is not null && MediaTypeHeaderValue.TryParse($"text/plain; charset={charset}", out var type))
            {
                part.Headers.ContentType = type;
            }

            content.Add(part, Quoted(name));
        }

        return content;
    }

    /// <summary>A field's name as a Content-Disposition header can carry it.</summary>
    private static string Quoted(string name) =>
        "\"" + new string([.. name.Where(c => c is >= ' ' and <= '~' and not '"' and not '\\')]) + "\"";

    private static string Escape(string text) =>
        string.Concat(Encoding.UTF8.GetBytes(text).Select(b => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~'
            ? ((char)b).ToString()
            : "%" + b.ToString("X2", CultureInfo.InvariantCulture)));

    private static string Short(string text) => text.Length > 600 ? text[..600] + "…" : text;
}
