using System.Text;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace JimPam.Wiki.Content;

/// <summary>What a Markdown body links to: the rows kept for "what links here".</summary>
public sealed record WikiLinkAnalysis(
    IReadOnlyList<int> EpisodeIds,
    IReadOnlyList<int> CharacterIds,
    IReadOnlyList<string> BrokenLinks);

/// <summary>One wiki link of a body, as written, and what it resolved to (null: a broken link).</summary>
public sealed record BodyLink(string Target, WikiLinkTarget? Resolved);

/// <summary>A body rendered once, when it is saved: its safe HTML, every wiki link in text order, and what it cites and names.</summary>
public sealed record RenderedBody(string Html, IReadOnlyList<BodyLink> Links, WikiLinkAnalysis Analysis);

/// <summary>
/// The one Markdown pipeline of the wiki: CommonMark with raw HTML turned off, plus wiki links.
/// Rendered HTML is sanitised as a second line of defence, so no script or javascript: URL gets out.
/// </summary>
public sealed partial class WikiMarkdown
{
    private readonly LinkAddresses _addresses;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .Use<WikiLinkExtension>()
        .Build();

    private readonly HtmlSanitizer _sanitizer;

    public WikiMarkdown(LinkAddresses addresses)
    {
        _addresses = addresses;
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.Add("http");
        _sanitizer.AllowedSchemes.Add("https");
        _sanitizer.AllowedSchemes.Add("mailto");
        _sanitizer.AllowedAttributes.Add("class");
    }

    /// <summary>
    /// The body's syntax tree. Markdig refuses a text nested deeper than its limit (a few hundred "&gt;" or brackets in
    /// a row, found by the generated-input tests) with an exception; such a text is read as it stands instead, every
    /// mark of Markdown's syntax taken literally, so a save or an import never fails on it and nothing is lost. Half
    /// of a surrogate pair, which no form sends but a string may hold, is read as U+FFFD: Markdig's URL escaping threw
    /// on one in a link (found by the generated-input tests).
    /// </summary>
    public static MarkdownDocument Parse(string markdown)
    {
        markdown = UnicodeText.Sendable(markdown);
        try
        {
            return Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("depth limit", StringComparison.Ordinal))
        {
            return Markdown.Parse(Syntax().Replace(markdown, @"\$0"), Pipeline);
        }
    }

    /// <summary>The ASCII punctuation CommonMark lets a backslash make literal.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"[!""#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~]")]
    private static partial System.Text.RegularExpressions.Regex Syntax();

    /// <summary>
    /// Parses a body once and returns everything the write path stores: its sanitised HTML (without the wrapping
    /// &lt;p&gt; when <paramref name="inline"/>, for captions and list items), its links and what it cites and names.
    /// </summary>
    public RenderedBody Render(string markdown, WikiLinkResolver resolver, MentionFinder mentions, bool inline = false)
    {
        var document = Parse(markdown);
        var links = new List<BodyLink>();
        foreach (var link in document.Descendants<WikiLinkInline>())
        {
            link.Resolved = resolver.Resolve(link.Target);
            link.Href = link.Resolved is { } target ? _addresses.Target(target) : _addresses.Missing(link.Target);
            links.Add(new BodyLink(link.Target, link.Resolved));
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        var html = _sanitizer.Sanitize(writer.ToString());
        return new RenderedBody(inline ? Unwrap(html) : html, links, Analyse(document, links, mentions));
    }

    /// <summary>Renders a body to safe HTML, resolving its wiki links.</summary>
    public string ToHtml(string markdown, WikiLinkResolver resolver) => Render(markdown, resolver, MentionFinder.Empty).Html;

    /// <summary>Renders a one-paragraph body without its wrapping &lt;p&gt;, for captions and list items.</summary>
    public string ToInlineHtml(string markdown, WikiLinkResolver resolver) => Render(markdown, resolver, MentionFinder.Empty, inline: true).Html;

    /// <summary>The episodes and characters a body links to, and the characters its text names.</summary>
    public static WikiLinkAnalysis Analyse(string markdown, WikiLinkResolver resolver, MentionFinder mentions)
    {
        var document = Parse(markdown);
        return Analyse(document, [.. document.Descendants<WikiLinkInline>().Select(link => new BodyLink(link.Target, resolver.Resolve(link.Target)))], mentions);
    }

    private static string Unwrap(string html)
    {
        html = html.Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal)
               && html.IndexOf("<p>", 3, StringComparison.Ordinal) < 0
            ? html[3..^4]
            : html;
    }

    private static WikiLinkAnalysis Analyse(MarkdownDocument document, IReadOnlyList<BodyLink> links, MentionFinder mentions)
    {
        var characters = links.Select(l => l.Resolved).Where(t => t is { Kind: WikiLinkKind.Character }).Select(t => t!.Id).ToList();
        characters.AddRange(mentions.Find(PlainText(document)));
        return new WikiLinkAnalysis(
            [.. links.Select(l => l.Resolved).Where(t => t is { Kind: WikiLinkKind.Episode }).Select(t => t!.Id).Distinct()],
            [.. characters.Distinct()],
            [.. links.Where(l => l.Resolved is null).Select(l => l.Target)]);
    }

    /// <summary>The text a reader sees, with wiki links replaced by a separator so names inside titles don't count.</summary>
    public static string PlainText(MarkdownDocument document)
    {
        var text = new StringBuilder();
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block.Inline is null)
            {
                continue;
            }

            foreach (var inline in block.Inline.Descendants<Inline>())
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        text.Append(literal.Content.AsSpan());
                        break;
                    case WikiLinkInline:
                        text.Append(" \u2022 ");
                        break;
                    case LineBreakInline:
                        text.Append(' ');
                        break;
                }
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
