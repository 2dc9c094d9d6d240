using Markdig.Syntax.Inlines;

namespace JimPam.Wiki.Content;

/// <summary>A <c>[[Target]]</c> or <c>[[Target|label]]</c> link in a Markdown body.</summary>
public sealed class WikiLinkInline : LeafInline
{
    public string Target { get; init; } = "";
    public string? Label { get; init; }
    public string Text => Label ?? Target;

    /// <summary>Set after parsing by <see cref="WikiMarkdown"/>; null means the link is broken.</summary>
    public WikiLinkTarget? Resolved { get; set; }

    /// <summary>Where the link goes (its target's page, or the missing page), set with <see cref="Resolved"/>.</summary>
    public string Href { get; set; } = "";
}
