using JimPam.Wiki.Content;
using JimPam.Wiki.Data;

namespace JimPam.Wiki.Entries;

/// <summary>
/// Renders a body that is not stored yet (an editor's preview, or the current text beside a conflict) exactly as the
/// write path will store it, against the catalogue as it is in the database now. Pages that show stored bodies read
/// their stored HTML instead.
/// </summary>
public sealed class PreviewRenderer(WikiMarkdown markdown, WikiDbContext db)
{
    public async Task<RenderedBody> RenderAsync(string body, bool inline, CancellationToken cancellationToken) =>
        markdown.Render(body, await LinkContext.LoadResolverAsync(db, cancellationToken), MentionFinder.Empty, inline);
}
