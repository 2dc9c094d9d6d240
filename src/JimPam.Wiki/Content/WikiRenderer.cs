using Microsoft.AspNetCore.Html;

namespace JimPam.Wiki.Content;

/// <summary>Renders stored Markdown bodies for a page, with wiki links resolved against the current catalogue.</summary>
public sealed class WikiRenderer(WikiMarkdown markdown, WikiLinkCatalog catalog)
{
    private WikiLinkResolver? _resolver;

    public async Task<WikiLinkResolver> ResolverAsync(CancellationToken cancellationToken) =>
        _resolver ??= await catalog.GetResolverAsync(cancellationToken);

    public async Task<Func<string, IHtmlContent>> BlockRendererAsync(CancellationToken cancellationToken)
    {
        var resolver = await ResolverAsync(cancellationToken);
        return body => new HtmlString(markdown.ToHtml(body, resolver));
    }

    public async Task<Func<string, IHtmlContent>> InlineRendererAsync(CancellationToken cancellationToken)
    {
        var resolver = await ResolverAsync(cancellationToken);
        return body => new HtmlString(markdown.ToInlineHtml(body, resolver));
    }
}
