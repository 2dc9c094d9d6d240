namespace JimPam.Wiki.Content;

/// <summary>
/// Renders a body that is not stored yet (an editor's preview, or the current text beside a conflict), exactly as the
/// write path will store it, with wiki links resolved against the current catalogue. Pages that show stored bodies
/// read their stored HTML instead.
/// </summary>
public sealed class WikiRenderer(WikiMarkdown markdown, WikiLinkCatalog catalog)
{
    public async Task<RenderedBody> RenderAsync(string body, bool inline, CancellationToken cancellationToken) =>
        markdown.Render(body, await catalog.GetResolverAsync(cancellationToken), MentionFinder.Empty, inline);
}
