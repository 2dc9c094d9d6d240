using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AnyAscii;

namespace JimPam.Wiki.Transfer;

/// <summary>
/// The live site's addresses a mirror needs, from the app's address book: where it starts, the search page, the
/// sitemap, and the addresses (and the addresses below them) that need the server.
/// </summary>
public sealed record MirrorAddresses(string Home, string Search, string Sitemap, IReadOnlyList<string> ServerOnly);

/// <summary>What a mirror wrote: its pages, all its files and their bytes, and whether it has a sitemap.</summary>
public sealed record MirrorReport(string Folder, int Pages, int Files, long Bytes, bool Sitemap);

/// <summary>
/// A copy of the public wiki that needs no server: every page a reader can reach, fetched from the running app (the
/// same pages, from the same read models, as readers get), saved as static HTML with its styles and pictures. Links
/// become relative links to files (<c>seasons/3/index.html</c>), so the copy works opened from disk and served from
/// any folder of any web server. What needs the wiki's server is left out: logging in, the spoiler shield (a
/// cookie), the API; a link to such a page points at the live site when its address is given, else is plain text.
/// Search works offline: an index of every page's words and text (<c>search-index.js</c>, the text for the results'
/// snippets) and a script (<c>search.js</c>), the copy's only script, on its search page only. With the live site's
/// address the copy has a sitemap and canonical links.
/// </summary>
public sealed class SiteMirror(HttpClient site, MirrorAddresses addresses, Uri? publicAddress)
{
    public const string IndexScript = "search-index.js", SearchScript = "search.js", SearchPage = "search/index.html";

    /// <summary>Pages the offline search does not list: lists of changes and the search itself.</summary>
    private static readonly string[] Unsearched = ["history/", "recent-changes/", "search/"];

    private static readonly HtmlParser Parser = new();

    /// <summary>The elements whose addresses the copy follows and rewrites.</summary>
    private const string Linking = "a[href], link[href], img[src], source[srcset], img[srcset], script[src], form[action]";

    private readonly Dictionary<string, string> _pages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _assets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _redirects = new(StringComparer.Ordinal);

    /// <summary>Writes the copy into <paramref name="target"/>, opened (and so checked) before the app started serving.</summary>
    public async Task<MirrorReport> WriteAsync(ExportTarget target, CancellationToken cancellationToken)
    {
        await CrawlAsync(target, cancellationToken);

        var index = new List<object>();
        foreach (var (url, file) in _pages.OrderBy(p => p.Value, StringComparer.Ordinal))
        {
            var page = Parser.ParseDocument(await File.ReadAllTextAsync(target.PathOf(file), cancellationToken));
            Rewrite(page, url, file);
            var html = Encoding.UTF8.GetBytes(page.ToHtml());
            await File.WriteAllBytesAsync(target.PathOf(file), html, cancellationToken);
            target.Counted(html.Length);
            if (!Unsearched.Any(u => file.StartsWith(u, StringComparison.Ordinal)) && page.QuerySelector("main") is { } main)
            {
                index.Add(new
                {
                    t = (main.QuerySelector("h1")?.TextContent ?? page.Title ?? "").Trim(),
                    u = file,
                    d = page.QuerySelector("meta[name=description]")?.GetAttribute("content") ?? "",
                    w = string.Join(' ', Words(TextWithout(main, Unsearchable)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
                    x = string.Join(' ', TextWithout(main, NotInSnippets).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
                });
            }
        }

        target.Write(IndexScript, Encoding.UTF8.GetBytes($"window.wikiSearchIndex = {JsonSerializer.Serialize(index)};\n"));
        await using (var script = typeof(SiteMirror).Assembly.GetManifestResourceStream("JimPam.Wiki.Transfer.mirror-search.js")!)
        {
            using var bytes = new MemoryStream();
            await script.CopyToAsync(bytes, cancellationToken);
            target.Write(SearchScript, bytes.ToArray());
        }

        if (publicAddress is not null)
        {
            target.Write("sitemap.xml", Sitemap());
        }

        target.Complete();
        return new MirrorReport(target.Root, _pages.Count, target.Files, target.Bytes, publicAddress is not null);
    }

    /// <summary>
    /// Fetches every page a reader can reach from the home page, the sitemap and the search page, and the files they
    /// use; pages are saved as served, to be rewritten once every address is known.
    /// </summary>
    private async Task CrawlAsync(ExportTarget target, CancellationToken cancellationToken)
    {
        var queue = new Queue<string>([addresses.Home, addresses.Search]);
        var sitemap = await site.GetStringAsync(new Uri(addresses.Sitemap, UriKind.Relative), cancellationToken);
        foreach (var loc in Parser.ParseDocument(sitemap).QuerySelectorAll("loc"))
        {
            if (Uri.TryCreate(loc.TextContent.Trim(), UriKind.Absolute, out var address))
            {
                queue.Enqueue(address.PathAndQuery);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (queue.TryDequeue(out var url))
        {
            if (!seen.Add(url) || (url != addresses.Search && IsServerOnly(url)))
            {
                continue;
            }

            using var response = await site.GetAsync(new Uri(url, UriKind.Relative), cancellationToken);
            if (response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.RedirectKeepVerb or HttpStatusCode.PermanentRedirect
                && response.Headers.Location is { } location && LocalOf(location.OriginalString) is { } moved)
            {
                _redirects[url] = moved;
                queue.Enqueue(moved);
                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var file = PageFile(url);
                await File.WriteAllBytesAsync(target.PathOf(file), bytes, cancellationToken);
                _pages[url] = file;
                foreach (var link in LinksOf(Parser.ParseDocument(Encoding.UTF8.GetString(bytes))))
                {
                    queue.Enqueue(link);
                }
            }
            else
            {
                var file = Uri.UnescapeDataString(url.Split('?')[0].TrimStart('/'));
                target.Write(file, bytes);
                _assets[url] = file;
            }
        }
    }

    /// <summary>The local addresses a page refers to (without their fragments).</summary>
    private IEnumerable<string> LinksOf(IHtmlDocument page) =>
        page.QuerySelectorAll(Linking)
            .SelectMany(e => new[] { e.GetAttribute("href"), e.GetAttribute("src"), e.GetAttribute("action") }.Concat(Srcset(e.GetAttribute("srcset"))))
            .Select(v => v is null ? null : LocalOf(v))
            .OfType<string>()
            .Select(v => v.Split('#')[0]);

    private static IEnumerable<string?> Srcset(string? srcset) => Candidates(srcset).Select(c => c.Address);

    /// <summary>A srcset's candidates: each address, and its width or density after it ("" when none).</summary>
    private static IEnumerable<(string Address, string Size)> Candidates(string? srcset) =>
        (srcset ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim().Split(' ', 2)).Select(c => (c[0], c.Length > 1 ? " " + c[1] : ""));

    /// <summary>A local address ("/seasons/3?x#y") from a link, including an absolute one to the app itself; null for any other.</summary>
    private string? LocalOf(string value)
    {
        if (value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal))
        {
            return value;
        }

        return site.BaseAddress is { } origin && value.StartsWith(origin.GetLeftPart(UriPartial.Authority) + "/", StringComparison.Ordinal)
            ? value[origin.GetLeftPart(UriPartial.Authority).Length..]
            : null;
    }

    /// <summary>What needs the wiki's server (the search, which the copy has a page of its own for, among them), never copied.</summary>
    private bool IsServerOnly(string url)
    {
        var path = url.Split('?', '#')[0];
        return path == addresses.Sitemap || path == addresses.Search
            || addresses.ServerOnly.Any(s => path == s || path.StartsWith(s + "/", StringComparison.Ordinal));
    }

    /// <summary>"/" is index.html, "/seasons/3" seasons/3/index.html, and "/history/event/5?from=1&amp;to=2" history/event/5/index-from-1-to-2.html.</summary>
    private static string PageFile(string url)
    {
        var parts = url.Split('?', 2);
        var folder = Uri.UnescapeDataString(parts[0].Trim('/'));
        var name = parts.Length == 1 ? "index.html" : $"index-{new string([.. parts[1].Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')])}.html";
        return folder.Length == 0 ? name : $"{folder}/{name}";
    }

    /// <summary>Where a local address is in the copy (the file, and what follows it: a fragment, or the search's query), or null.</summary>
    private string? FileOf(string local)
    {
        var hash = local.IndexOf('#', StringComparison.Ordinal);
        var (address, fragment) = hash < 0 ? (local, "") : (local[..hash], local[hash..]);
        for (var hops = 0; hops < 10 && _redirects.TryGetValue(address, out var moved); hops++)
        {
            address = moved;
        }

        if (address.Split('?')[0] == addresses.Search)
        {
            var query = address.IndexOf('?', StringComparison.Ordinal);
            return SearchPage + (query < 0 ? "" : address[query..]) + fragment;
        }

        return _pages.TryGetValue(address, out var page) ? page + fragment
            : _assets.TryGetValue(address, out var asset) ? asset + fragment
            : null;
    }

    /// <summary>A page as the copy has it: its links to files, without what needs the server, with the search's script on the search page.</summary>
    private void Rewrite(IHtmlDocument page, string url, string file)
    {
        foreach (var gone in page.QuerySelectorAll(".shield-bar, link[rel=canonical], meta[property='og:url']").ToList())
        {
            gone.Remove();
        }

        // A copy is read long after it was made, where "3 hours ago" would go on saying so: it gives the day.
        foreach (var time in page.QuerySelectorAll(".last-edited time[datetime]"))
        {
            if (DateTimeOffset.TryParse(time.GetAttribute("datetime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                time.TextContent = "on " + at.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
            }
        }

        if (publicAddress is not null)
        {
            var canonical = page.CreateElement("link");
            canonical.SetAttribute("rel", "canonical");
            canonical.SetAttribute("href", AddressOf(file));
            page.Head!.AppendChild(canonical);
        }

        string Relative(string to) => Path.GetRelativePath(Path.GetDirectoryName(file) is { Length: > 0 } folder ? folder : ".", to.Split('?', '#')[0]).Replace('\\', '/')
            + to[to.Split('?', '#')[0].Length..];

        foreach (var element in page.QuerySelectorAll(Linking).ToList())
        {
            foreach (var attribute in new[] { "href", "src", "action" })
            {
                if (element.GetAttribute(attribute) is not { } value || LocalOf(value) is not { } local)
                {
                    continue;
                }

                if (FileOf(local) is { } found)
                {
                    element.SetAttribute(attribute, Relative(found));
                }
                else if (publicAddress is not null)
                {
                    element.SetAttribute(attribute, new Uri(publicAddress, local.TrimStart('/')).AbsoluteUri);
                }
                else if (element is IHtmlAnchorElement)
                {
                    // A page the copy cannot have: its words stay, as text.
                    element.Replace([.. element.ChildNodes]);
                }
                else
                {
                    element.Remove();
                }
            }

            if (element.GetAttribute("srcset") is { } srcset)
            {
                element.SetAttribute("srcset", string.Join(", ", Candidates(srcset).Select(c =>
                    (LocalOf(c.Address) is { } local && FileOf(local) is { } found ? Relative(found) : c.Address) + c.Size)));
            }
        }

        if (_pages.GetValueOrDefault(addresses.Search) == file)
        {
            MakeSearchOffline(page, Relative);
        }
    }

    /// <summary>The search page of the copy: the form reads its own address, and the script lists the pages that match.</summary>
    private static void MakeSearchOffline(IHtmlDocument page, Func<string, string> relative)
    {
        if (page.GetElementById("search-help") is { } help)
        {
            help.TextContent = "Words find their beginnings (“athl” finds Athlead); case and accents do not matter. This copy of the wiki searches the words of its pages, in your browser.";
        }

        var form = page.QuerySelector("main form");
        var results = page.CreateElement("div");
        results.Id = "search-results";
        var noscript = page.CreateElement("noscript");
        noscript.InnerHtml = "<p class=\"meta\">Searching this copy needs JavaScript; the seasons, episodes and characters are all linked from the menu.</p>";
        form?.After(results, noscript);
        foreach (var name in new[] { IndexScript, SearchScript })
        {
            var script = page.CreateElement("script");
            script.SetAttribute("src", relative(name));
            script.SetAttribute("defer", "");
            page.Head!.AppendChild(script);
        }
    }

    /// <summary>A page's address on the live site's copy: its folder, as a web server serves index.html.</summary>
    private string AddressOf(string file) =>
        new Uri(publicAddress!, file.EndsWith("/index.html", StringComparison.Ordinal) ? file[..^"index.html".Length] : file == "index.html" ? "" : file).AbsoluteUri;

    private byte[] Sitemap()
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" }))
        {
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var file in _pages.Values.Where(f => f.EndsWith("index.html", StringComparison.Ordinal) && f != SearchPage).Order(StringComparer.Ordinal))
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", AddressOf(file));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    /// <summary>What the offline index searches: a page's main text, without who edited it last and when.</summary>
    private const string Unsearchable = ".last-edited";

    /// <summary>
    /// What the offline search's snippets leave out besides: the title (which the result shows already), the links
    /// onward (breadcrumbs, previous and next, "Read in Season 3") and what only screen readers hear.
    /// </summary>
    private const string NotInSnippets = Unsearchable + ", h1, nav, .context-link, .visually-hidden";

    /// <summary>The text of <paramref name="main"/> without the elements <paramref name="selectors"/> find.</summary>
    private static string TextWithout(IElement main, string selectors)
    {
        var text = (IElement)main.Clone();
        foreach (var left in text.QuerySelectorAll(selectors).ToList())
        {
            left.Remove();
        }

        return text.TextContent;
    }

    /// <summary>A text's words as the offline search compares them: ASCII letters and digits, lower case (as search.js makes a query's).</summary>
    public static IEnumerable<string> Words(string text) =>
        text.Transliterate().ToLower(CultureInfo.InvariantCulture).Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    private static readonly char[] Separators = [.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !char.IsAsciiLetterOrDigit(c))];
}
