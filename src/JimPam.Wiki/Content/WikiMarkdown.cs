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

/// <summary>
/// The one Markdown pipeline of the wiki: CommonMark with raw HTML turned off, plus wiki links.
/// Rendered HTML is sanitised as a second line of defence, so no script or javascript: URL gets out.
/// </summary>
public sealed class WikiMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .Use<WikiLinkExtension>()
        .Build();

    private readonly HtmlSanitizer _sanitizer;

    public WikiMarkdown()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.Add("http");
        _sanitizer.AllowedSchemes.Add("https");
        _sanitizer.AllowedSchemes.Add("mailto");
        _sanitizer.AllowedAttributes.Add("class");
    }

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    /// <summary>Renders a body to safe HTML, resolving its wiki links.</summary>
    public string ToHtml(string markdown, WikiLinkResolver resolver)
    {
        var document = Parse(markdown);
        foreach (var link in document.Descendants<WikiLinkInline>())
        {
            link.Resolved = resolver.Resolve(link.Target);
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return _sanitizer.Sanitize(writer.ToString());
    }

    /// <summary>Renders a one-paragraph body without its wrapping &lt;p&gt;, for captions and list items.</summary>
    public string ToInlineHtml(string markdown, WikiLinkResolver resolver)
    {
        var html = ToHtml(markdown, resolver).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal)
               && html.IndexOf("<p>", 3, StringComparison.Ordinal) < 0
            ? html[3..^4]
            : html;
    }

    /// <summary>The targets of a body's wiki links that resolve, in the order the text has them.</summary>
    public static IEnumerable<WikiLinkTarget> LinkTargets(string markdown, WikiLinkResolver resolver) =>
        Parse(markdown).Descendants<WikiLinkInline>()
            .Select(link => resolver.Resolve(link.Target))
            .OfType<WikiLinkTarget>();

    /// <summary>The episodes and characters a body links to, and the characters its text names.</summary>
    public static WikiLinkAnalysis Analyse(string markdown, WikiLinkResolver resolver, MentionFinder mentions)
    {
        var document = Parse(markdown);
        var episodes = new List<int>();
        var characters = new List<int>();
        var broken = new List<string>();
        foreach (var link in document.Descendants<WikiLinkInline>())
        {
            switch (resolver.Resolve(link.Target))
            {
                case { Kind: WikiLinkKind.Episode } episode:
                    episodes.Add(episode.Id);
                    break;
                case { Kind: WikiLinkKind.Character } character:
                    characters.Add(character.Id);
                    break;
                default:
                    broken.Add(link.Target);
                    break;
            }
        }

        characters.AddRange(mentions.Find(PlainText(document)));
        return new WikiLinkAnalysis([.. episodes.Distinct()], [.. characters.Distinct()], broken);
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
