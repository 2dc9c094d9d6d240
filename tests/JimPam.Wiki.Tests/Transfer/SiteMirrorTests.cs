using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using JimPam.Wiki.Tests.Hosting;
using JimPam.Wiki.Tests.Pages;
using JimPam.Wiki.Tests.Pages.Account;

namespace JimPam.Wiki.Tests.Transfer;

/// <summary>
/// <c>export-site FOLDER</c>: a static copy of the public wiki, taken from a wiki with a picture, a renamed episode and
/// a paragraph edited twice (so a history with differences). Every page a reader can reach is a file; every link
/// and picture of the copy leads to a file of it; it has no script but the search's; the main element of each kind of
/// page is the live page's; the HTML checker finds no error in any page; and the sitemap lists every page at the
/// address given.
/// </summary>
public sealed partial class SiteMirrorTests : IClassFixture<SiteMirrorTests.Mirror>
{
    private const string BaseUrl = "https://jimpam.example/wiki/";

    private readonly Mirror _mirror;

    public SiteMirrorTests(Mirror mirror) => _mirror = mirror;

    /// <summary>The edited wiki, and its copy, made once for the class.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
    public sealed class Mirror : IAsyncLifetime
    {
        public WikiAppFactory App { get; } = new();

        public TempFolder Folder { get; } = new();

        public string Root => Path.Combine(Folder.Path, "mirror");

        public string Output { get; private set; } = "";

        public int EditedParagraph { get; private set; }

        public async Task InitializeAsync()
        {
            await EditorSession.AddEditorAsync(App, "pam");
            using var pam = new EditorSession(App);
            (await pam.LogInAsync("pam")).Dispose();
            EditedParagraph = (await TransferTestKit.EditInEveryWayAsync(App, pam)).Paragraph;
            using (var again = await pam.SubmitAsync($"/admin/events/{EditedParagraph}/edit", new Dictionary<string, string> { ["Form.Body"] = "Edited twice, so its history compares two revisions.", ["Form.Summary"] = "Again" }))
            {
                Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
            }

            var (exitCode, output, error) = await InProcessCommand.RunAsync(App.DatabasePath, "", "export-site", Root, "--base-url", BaseUrl);
            Assert.True(exitCode == 0, error);
            Output = output;
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            Folder.Dispose();
        }
    }

    /// <summary>One page of each kind, by its live address.</summary>
    private static readonly string[] PageKinds =
    [
        "/", "/timeline", "/seasons", "/seasons/3", "/episodes", "/episodes/casino-night-at-the-office", "/characters",
        "/characters/pam-beesly", "/recent-changes",
    ];

    [Fact]
    public async Task Every_page_a_reader_can_reach_is_a_file_and_every_link_of_the_copy_leads_to_one()
    {
        Assert.Matches(@"^export-site: [\d,]+ pages in [\d,]+ files \([\d,]+ bytes\) written to .+ in [\d,]+ ms, with sitemap.xml", _mirror.Output);
        var pages = Pages();
        Assert.True(pages.Count > 400, $"{pages.Count} pages");

        var broken = new List<string>();
        foreach (var (file, page) in pages)
        {
            foreach (var link in Links(page).Where(l => !l.StartsWith("https://", StringComparison.Ordinal) && !l.StartsWith('#')))
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.Combine(_mirror.Root, file))!, link.Split('?', '#')[0]));
                if (!File.Exists(target) || !target.StartsWith(_mirror.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    broken.Add($"{file}: {link}");
                }
            }

            // The copy runs no script but the offline search's, and needs nothing of the server.
            var scripts = page.QuerySelectorAll("script").Select(s => s.GetAttribute("src")).ToList();
            Assert.True(file == "search/index.html" ? scripts.SequenceEqual(["../search-index.js", "../search.js"]) : scripts.Count == 0, $"{file}: {string.Join(", ", scripts)}");
            Assert.Empty(page.QuerySelectorAll("form[method=post], .shield-bar"));
            Assert.DoesNotContain(Links(page), l => l.StartsWith('/') || l.Contains("127.0.0.1", StringComparison.Ordinal));
        }

        Assert.Empty(broken);

        // The picture, each of its variants, and the history that compares two revisions are in the copy.
        var season = pages["seasons/3/index.html"];
        Assert.All(Links(season.QuerySelector("main picture")!), l => Assert.True(File.Exists(Path.Combine(_mirror.Root, "seasons", "3", l)), l));
        Assert.Contains(pages.Keys, f => f.StartsWith($"history/event/{_mirror.EditedParagraph}/index-", StringComparison.Ordinal));

        // The old address of the renamed episode leads to its page, and the live site's every page is in the copy.
        Assert.Contains("episodes/casino-night-at-the-office/index.html", pages.Keys);
        Assert.DoesNotContain("episodes/casino-night/index.html", pages.Keys);
        using var reader = _mirror.App.CreateReader();
        var live = new HtmlParser().ParseDocument(await reader.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative))).QuerySelectorAll("loc")
            .Select(l => new Uri(l.TextContent.Trim()).AbsolutePath).ToList();
        Assert.All(live, path => Assert.True(pages.ContainsKey(path == "/" ? "index.html" : path.Trim('/') + "/index.html"), path));
    }

    [Fact]
    public async Task The_main_element_of_each_kind_of_page_is_the_live_pages()
    {
        foreach (var url in PageKinds.Append($"/history/event/{_mirror.EditedParagraph}"))
        {
            var file = url == "/" ? "index.html" : url.Trim('/') + "/index.html";
            var copy = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(Path.Combine(_mirror.Root, file)));
            var (_, live) = await _mirror.App.GetPageAsync(url);

            // The copy's links, read back as live addresses, are the live page's links, one for one.
            Assert.Equal(Links(live.QuerySelector("main")!).Select(Live), Links(copy.QuerySelector("main")!).Select(l => Live(AddressOf(file, l))));

            // And with the links set aside, the two main elements are the same HTML.
            Assert.Equal(WithoutLinks(live.QuerySelector("main")!), WithoutLinks(copy.QuerySelector("main")!));
        }
    }

    [Fact]
    public async Task Every_page_of_the_copy_passes_the_HTML_checker()
    {
        var files = Pages().Keys.Select(f => Path.Combine(_mirror.Root, f)).ToList();

        var messages = await HtmlValidityTests.CheckAsync(files);

        Assert.True(messages.Count == 0, string.Join(Environment.NewLine, messages.Select(m => $"{m.Url}:{m.Line}: {m.Message}")));
    }

    [Fact]
    public void The_sitemap_lists_every_page_at_the_address_given_and_the_search_index_every_page_a_reader_looks_for()
    {
        var sitemap = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_mirror.Root, "sitemap.xml")));
        var listed = sitemap.QuerySelectorAll("loc").Select(l => l.TextContent).ToList();
        var pages = Pages().Keys.Where(f => f.EndsWith("index.html", StringComparison.Ordinal) && f != "search/index.html").ToList();

        Assert.Equal(pages.Count, listed.Count);
        Assert.All(listed, l => Assert.StartsWith(BaseUrl, l, StringComparison.Ordinal));
        Assert.Contains($"{BaseUrl}seasons/3/", listed);
        Assert.Equal($"{BaseUrl}seasons/3/", Pages()["seasons/3/index.html"].QuerySelector("link[rel=canonical]")?.GetAttribute("href"));

        // Without scripts, the search page says how to find things instead (a browser shows noscript only then).
        Assert.Contains("Searching this copy needs JavaScript", Pages()["search/index.html"].QuerySelector("main noscript")?.TextContent, StringComparison.Ordinal);

        var index = File.ReadAllText(Path.Combine(_mirror.Root, "search-index.js"));
        Assert.StartsWith("window.wikiSearchIndex = [", index, StringComparison.Ordinal);
        Assert.Contains("\"u\":\"episodes/phyllis-wedding/index.html\"", index, StringComparison.Ordinal);
        Assert.DoesNotContain("\"u\":\"history/", index, StringComparison.Ordinal);
    }

    [Fact]
    public void A_copy_gives_the_day_of_a_last_edit_rather_than_how_long_ago_and_its_search_leaves_that_line_out()
    {
        var edited = Pages().Where(p => p.Value.QuerySelector("main .last-edited time") is not null).ToList();
        Assert.True(edited.Count >= 20, $"{edited.Count} pages say when they were last edited");

        // Read in a year, "Last edited by pam, 3 hours ago" would still say 3 hours; the copy says the day.
        Assert.All(edited, p => Assert.Matches(@"^on \d{1,2} [A-Z][a-z]+ \d{4}$", p.Value.QuerySelector("main .last-edited time")!.TextContent));

        // A search for "edited" finds the pages whose text says it, not every page that was edited, nor shows that line.
        var entries = SearchIndex();
        var quiet = edited.Where(p => entries.ContainsKey(p.Key)
            && !p.Value.QuerySelector("main")!.TextContent.Replace(p.Value.QuerySelector("main .last-edited")!.TextContent, "", StringComparison.Ordinal).Contains("edited", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(quiet.Count >= 20, $"{quiet.Count} indexed pages whose own text does not say \"edited\"");
        Assert.All(quiet, p => Assert.DoesNotContain("edited", entries[p.Key].GetProperty("w").GetString()!.Split(' ')));
        Assert.All(quiet, p => Assert.DoesNotContain("edited", entries[p.Key].GetProperty("x").GetString()!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_search_index_holds_each_page_text_under_its_title_for_the_snippets_of_its_results()
    {
        var entries = SearchIndex();
        var season = Pages()["seasons/3/index.html"];
        var text = entries["seasons/3/index.html"].GetProperty("x").GetString()!;

        // Every paragraph of the page is there, its white space made single spaces; the title and the links onward
        // are not (the result shows the title above the snippet).
        var paragraphs = season.QuerySelectorAll("main p:not(.last-edited)").Where(p => p.Closest("nav") is null).Select(p => string.Join(' ', p.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(p => p.Length > 0).ToList();
        Assert.True(paragraphs.Count >= 5, $"{paragraphs.Count} paragraphs on season 3's page");
        Assert.All(paragraphs, p => Assert.Contains(p, text, StringComparison.Ordinal));
        Assert.False(text.StartsWith("Season", StringComparison.Ordinal), text[..40]);
        Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text);

        // Nor what a reader does not see as text: the links to an event's place, and what only screen readers hear.
        var character = entries["characters/karen-filippelli/index.html"].GetProperty("x").GetString()!;
        Assert.NotNull(Pages()["characters/karen-filippelli/index.html"].QuerySelector("main .context-link .visually-hidden"));
        Assert.DoesNotContain("Read in Season", character, StringComparison.Ordinal);
        Assert.DoesNotContain(", paragraph ", character, StringComparison.Ordinal);
        Assert.Contains("Karen", character, StringComparison.Ordinal);
    }

    /// <summary>The offline search's index, by page file: its title (t), file (u), description (d), words (w) and text (x).</summary>
    private Dictionary<string, System.Text.Json.JsonElement> SearchIndex()
    {
        var index = File.ReadAllText(Path.Combine(_mirror.Root, "search-index.js"));
        return System.Text.Json.JsonDocument.Parse(index["window.wikiSearchIndex = ".Length..].TrimEnd().TrimEnd(';')).RootElement
            .EnumerateArray().ToDictionary(e => e.GetProperty("u").GetString()!, e => e.Clone());
    }

    private Dictionary<string, IHtmlDocument> Pages()
    {
        var parser = new HtmlParser();
        return Directory.GetFiles(_mirror.Root, "*.html", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_mirror.Root, f).Replace('\\', '/'), f => parser.ParseDocument(File.ReadAllText(f)));
    }

    /// <summary>Every address an element and its descendants refer to: links, pictures and their sources, styles, scripts, forms.</summary>
    private static List<string> Links(IParentNode root) =>
        [.. root.QuerySelectorAll("[href], [src], [srcset], [action]").SelectMany(e => new[] { e.GetAttribute("href"), e.GetAttribute("src"), e.GetAttribute("action") }
            .Concat((e.GetAttribute("srcset") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim().Split(' ')[0])).OfType<string>())];

    /// <summary>A copy's link, from the file it is in, as the live address it stands for ("/seasons/3#event-11").</summary>
    private static string AddressOf(string file, string link)
    {
        if (link.StartsWith(BaseUrl, StringComparison.Ordinal))
        {
            // What needs the server (the feed, logging in) is the live site's.
            return "/" + link[BaseUrl.Length..];
        }

        if (link.StartsWith('#') || link.StartsWith("https://", StringComparison.Ordinal))
        {
            return link;
        }

        var cut = link.IndexOfAny(['?', '#']);
        var (path, rest) = cut < 0 ? (link, "") : (link[..cut], link[cut..]);
        var full = Path.GetRelativePath("/copy", Path.GetFullPath(Path.Combine("/copy", Path.GetDirectoryName(file) ?? "", path))).Replace('\\', '/');
        return full switch
        {
            "index.html" => "/" + rest,
            "search/index.html" => "/search" + rest,
            _ when full.EndsWith("/index.html", StringComparison.Ordinal) => "/" + full[..^"/index.html".Length] + rest,
            _ => "/" + full + rest,
        };
    }

    /// <summary>A live address without what a copy cannot keep: a history comparison's query (its file's name stands for it).</summary>
    private static string Live(string address) => HistoryQuery().Replace(address, "");

    [GeneratedRegex(@"(?<=^/history/[a-z]+/\d+)(/index-[^#]*\.html|\?[^#]*)")]
    private static partial Regex HistoryQuery();

    private static string WithoutLinks(IElement main)
    {
        var copy = (IElement)main.Clone();
        foreach (var element in copy.QuerySelectorAll("[href], [src], [srcset], [action]"))
        {
            foreach (var attribute in new[] { "href", "src", "srcset", "action" })
            {
                element.RemoveAttribute(attribute);
            }
        }

        return TimeText().Replace(copy.OuterHtml, "<time$1>");
    }

    [GeneratedRegex("<time([^>]*)>[^<]*")]
    private static partial Regex TimeText();
}
