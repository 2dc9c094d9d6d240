using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace JimPam.Wiki.Content;

/// <summary>
/// Writes a resolved wiki link as a normal link, and an unresolved one as a visibly broken link
/// to the "no such page" page, the way MediaWiki shows red links.
/// </summary>
public sealed class WikiLinkRenderer : HtmlObjectRenderer<WikiLinkInline>
{
    protected override void Write(HtmlRenderer renderer, WikiLinkInline link)
    {
        if (link.Resolved is { } target)
        {
            var kind = target.Kind == WikiLinkKind.Episode ? "citation" : "character-link";
            renderer.Write("<a class=\"wikilink ").Write(kind).Write("\" href=\"").WriteEscape(link.Href).Write("\">");
        }
        else
        {
            renderer.Write("<a class=\"wikilink broken\" title=\"No page yet: ").WriteEscape(link.Target)
                .Write("\" href=\"").WriteEscape(link.Href).Write("\">");
        }

        renderer.WriteEscape(link.Text).Write("</a>");
    }
}
