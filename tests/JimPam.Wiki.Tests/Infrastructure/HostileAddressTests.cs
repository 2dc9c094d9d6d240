using System.Net;
using System.Text.Json;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Tests.Pages.Account;

namespace JimPam.Wiki.Tests.Infrastructure;

/// <summary>
/// Values no link of the wiki holds, put into every route parameter and every query key of every page and API resource
/// that answers GET (read from the app's endpoints): each is answered 400 or 404 (a query value the page may ignore,
/// also 200 or a redirect), never 500; the API always answers with a problem document.
/// </summary>
[Trait("Engine", "Any")]
public class HostileAddressTests(HostileAddressTests.EditorsWiki wiki) : IClassFixture<HostileAddressTests.EditorsWiki>
{
    /// <summary>A wiki of the class's own with an editor logged in, so the editor's pages are tried too, not only their login redirect.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1034", Justification = "The fixture belongs to this test class alone.")]
    public sealed class EditorsWiki : IAsyncLifetime
    {
        public WikiAppFactory App { get; } = new();

        public EditorSession Editor { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            // Thousands of API requests from one address: this test is about values, not the API's rate limit.
            App.Settings["Wiki:ApiRequestsPerMinute"] = "1000000";
            await EditorSession.AddEditorAsync(App, "pam");
            Editor = new EditorSession(App);
            (await Editor.LogInAsync("pam")).Dispose();
        }

        public async Task DisposeAsync()
        {
            Editor.Dispose();
            await App.DisposeAsync();
        }
    }

    private readonly WikiAppFactory _app = wiki.App;

    /// <summary>The values as they go into the address (escaped), and whether they hold a character no address may hold.</summary>
    public static TheoryData<string, bool> Values => new()
    {
        { "", false },
        { "%20", false },
        { "%20%20%20", false },
        { "%09", true },
        { "%0A", true },
        { "%0D%0A", true },
        { "%01", true },
        { "%1B", true },
        { "%7F", true },
        { "%C2%85", true },
        { "%C2%A0", false },
        { "%E2%80%8B", false },
        { "%00", true },
        { "pam%00", true },
        { "%C3%28", false },
        { "%FF", false },
        { "%ED%A0%80", false },
        { "%EF%BF%BF", false },
        { "%25", false },
        { "..", false },
        { new string('a', 2000), false },
        { string.Concat(Enumerable.Repeat("%E2%82%AC", 700)), false },
    };

    /// <summary>
    /// The values of <see cref="Values"/> a path segment can carry through the test server: an empty segment and ".."
    /// make another address (the client drops them), and the test server refuses a NUL in a path before the app sees
    /// it (Kestrel's answer to one is <see cref="Hosting.KestrelTests"/>' to hold).
    /// </summary>
    public static TheoryData<string, bool> PathValues()
    {
        var values = new TheoryData<string, bool>();
        foreach (var row in Values)
        {
            var value = (string)row[0];
            if (value is not ("" or "..") && !value.Contains("%00", StringComparison.Ordinal))
            {
                values.Add(value, (bool)row[1]);
            }
        }

        return values;
    }

    [Theory]
    [MemberData(nameof(PathValues))]
    public async Task A_hostile_value_in_any_route_parameter_is_answered_400_or_404(string value, bool control)
    {
        var client = wiki.Editor.Client;
        var failures = new List<string>();
        foreach (var route in await AppRoutes.ReadAsync(_app.Services))
        {
            foreach (var parameter in route.Parameters)
            {
                var url = route.With(parameter, value);
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                var status = (int)response.StatusCode;
                if (status is not (400 or 404) && !(status is 301 or 308 && !control))
                {
                    failures.Add($"{Short(url)}: {status}");
                }

                await CheckProblemDocumentAsync(route, url, response, failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public async Task A_hostile_value_in_any_query_key_is_never_a_server_error(string value, bool control)
    {
        var client = wiki.Editor.Client;
        var failures = new List<string>();
        foreach (var route in await AppRoutes.ReadAsync(_app.Services))
        {
            foreach (var key in route.QueryKeys)
            {
                var url = route.Sample + (route.Sample.Contains('?', StringComparison.Ordinal) ? "&" : "?") + key + "=" + value;
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                var status = (int)response.StatusCode;
                if (control && !AddressCheck.FreeTextKeys.Contains(key) ? status != 400 : status >= 500)
                {
                    failures.Add($"{Short(url)}: {status}");
                }

                await CheckProblemDocumentAsync(route, url, response, failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_routes_tried_include_pages_and_the_api_with_their_parameters_and_query_keys()
    {
        var routes = await AppRoutes.ReadAsync(_app.Services);
        var all = string.Join("\n", routes.Select(r => $"{r.Template} {r.Api} ({string.Join(", ", r.Parameters)}) ?{string.Join("&", r.QueryKeys)}"));

        Assert.True(routes.Count > 40);
        Assert.True(routes.Any(r => r.Template == "/episodes/{slug}" && r.Parameters.SequenceEqual(["slug"])), all);
        Assert.True(routes.Any(r => r.Template == "/api/v1/seasons/{number:int}" && r.Api && r.QueryKeys.Contains("relationship")), all);
        Assert.True(routes.Any(r => r.Template == "/search" && r.QueryKeys.Contains("q") && r.QueryKeys.Contains("type")), all);
        Assert.True(routes.Any(r => r.Template == "/api/v1/search/" && r.QueryKeys.Contains("q") && r.QueryKeys.Contains("p")), all);
        Assert.True(routes.Any(r => r.Template == "/shield" && r.QueryKeys.Contains("back")), all);
        Assert.All(routes, r => Assert.Contains("asOf", r.QueryKeys));
    }

    [Fact]
    public async Task A_control_character_in_an_address_gets_a_page_that_says_so()
    {
        var (response, page) = await _app.GetPageAsync("/seasons/3?relationship=%00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The value of “relationship” holds a control character (U+0000), which no address of the wiki has.", page.QuerySelector("main [role=alert]")!.TextContent.Trim());
        Assert.Equal("/seasons/3", page.QuerySelectorAll("main a").Single(a => a.TextContent == "The same page without relationship").GetAttribute("href"));
    }

    [Fact]
    public async Task A_control_character_in_an_api_address_gets_a_problem_document_that_says_so()
    {
        using var client = _app.CreateReader();

        using var response = await client.GetAsync(new Uri("/api/v1/seasons/3?relationship=%00", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The value of “relationship” holds a control character (U+0000), which no address of the wiki has.", json.RootElement.GetProperty("detail").GetString());
    }

    private static string Short(string url) => url.Length > 120 ? url[..120] + $"… ({url.Length} characters)" : url;

    private static async Task CheckProblemDocumentAsync(AppRoute route, string url, HttpResponseMessage response, List<string> failures)
    {
        if (!route.Api || (int)response.StatusCode < 400)
        {
            return;
        }

        var type = response.Content.Headers.ContentType?.MediaType;
        if (type != "application/problem+json")
        {
            failures.Add($"{Short(url)}: {(int)response.StatusCode} as {type}, not a problem document");
            return;
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        if (json.RootElement.GetProperty("status").GetInt32() != (int)response.StatusCode)
        {
            failures.Add($"{Short(url)}: the problem document's status differs from {(int)response.StatusCode}");
        }
    }
}
