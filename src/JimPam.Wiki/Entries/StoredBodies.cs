using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Entries;

/// <summary>
/// Where every Markdown field of the wiki is saved: the field is rendered once (Markdig, then the sanitiser) and its
/// HTML stored beside it, and its citation, mention and link rows are derived from the same parse. Reading a page then
/// only reads columns. The writers (<see cref="EntryWriter"/>, the seed import) call
/// this inside their transactions; nothing else sets a body.
/// </summary>
public sealed class StoredBodies(WikiMarkdown markdown) : IDerivedData
{
    public string Key => SiteSetting.RenderedWith;

    public string Version => RendererVersion;

    public int Rank => 0;

    /// <summary>Some body was saved before its HTML was stored.</summary>
    public async Task<bool> IncompleteAsync(WikiDbContext db, CancellationToken cancellationToken) =>
        await db.Events.AnyAsync(e => e.BodyHtml == null, cancellationToken)
        || await db.Jokes.AnyAsync(j => j.BodyHtml == null, cancellationToken)
        || await db.Relationships.AnyAsync(r => r.IntroHtml == null || r.BehindTheScenesHtml == null, cancellationToken);

    public Task RebuildAsync(WikiDbContext db, CancellationToken cancellationToken) => RenderAllAsync(db, cancellationToken);

    /// <summary>
    /// The version of the rendering (Markdown pipeline, wiki-link HTML, sanitiser settings) that stored HTML comes from.
    /// Change it with any change to what the same Markdown renders to: the next start-up renders every body again.
    /// </summary>
    public const string RendererVersion = "2026-11-29.1";

    /// <summary>Sets an event's body (the paragraph, or a figure's caption) and everything derived from it.</summary>
    public RenderedBody Set(RelationshipEvent target, string body, LinkContext links)
    {
        // A deleted event keeps its text for its history but cites and names nothing.
        var rendered = markdown.Render(body, target.Deleted ? WikiLinkResolver.Empty : links.Resolver, target.Deleted ? MentionFinder.Empty : links.Mentions, inline: target.Kind == EventKind.Figure);
        target.BodyMarkdown = body;
        target.BodyHtml = body.Length == 0 ? "" : rendered.Html;
        Sync(target.Citations, target.Deleted ? [] : rendered.Analysis.EpisodeIds, c => c.EpisodeId, id => new EventCitation { EpisodeId = id });
        Sync(target.Mentions, target.Deleted ? [] : rendered.Analysis.CharacterIds, m => m.CharacterId, id => new EventMention { CharacterId = id });
        SetLinks(target.Links, WikiLink.BodyField, target.Deleted ? [] : rendered.Links);
        return rendered;
    }

    /// <summary>Sets a recurring joke's body (shown inline, as a list item) and everything derived from it.</summary>
    public RenderedBody Set(RecurringJoke target, string body, LinkContext links)
    {
        var rendered = markdown.Render(body, target.Deleted ? WikiLinkResolver.Empty : links.Resolver, MentionFinder.Empty, inline: true);
        target.BodyMarkdown = body;
        target.BodyHtml = rendered.Html;
        Sync(target.Citations, target.Deleted ? [] : rendered.Analysis.EpisodeIds, c => c.EpisodeId, id => new JokeCitation { EpisodeId = id });
        SetLinks(target.Links, WikiLink.BodyField, target.Deleted ? [] : rendered.Links);
        return rendered;
    }

    /// <summary>Sets a relationship's intro and behind-the-scenes text, and their link rows.</summary>
    public IReadOnlyList<RenderedBody> SetArticle(Relationship target, string intro, string behindTheScenes, LinkContext links)
    {
        var renderedIntro = markdown.Render(intro, links.Resolver, MentionFinder.Empty);
        var renderedNote = markdown.Render(behindTheScenes, links.Resolver, MentionFinder.Empty);
        (target.IntroMarkdown, target.IntroHtml) = (intro, renderedIntro.Html);
        (target.BehindTheScenesMarkdown, target.BehindTheScenesHtml) = (behindTheScenes, behindTheScenes.Length == 0 ? "" : renderedNote.Html);
        SetLinks(target.Links, WikiLink.IntroField, renderedIntro.Links);
        SetLinks(target.Links, WikiLink.BehindTheScenesField, renderedNote.Links);
        return [renderedIntro, renderedNote];
    }

    /// <summary>
    /// Renders every stored body again against the current catalogue: after an episode or character is created,
    /// renamed or removed (so broken links turn into working ones and back), and at start-up for bodies saved before
    /// their HTML was stored. Runs in the caller's transaction.
    /// </summary>
    public async Task RenderAllAsync(WikiDbContext db, CancellationToken cancellationToken)
    {
        var links = await LinkContext.LoadAsync(db, cancellationToken);
        foreach (var item in await db.Events.Include(e => e.Citations).Include(e => e.Mentions).Include(e => e.Links).ToListAsync(cancellationToken))
        {
            Set(item, item.BodyMarkdown, links);
        }

        foreach (var joke in await db.Jokes.Include(j => j.Citations).Include(j => j.Links).ToListAsync(cancellationToken))
        {
            Set(joke, joke.BodyMarkdown, links);
        }

        foreach (var relationship in await db.Relationships.Include(r => r.Links).ToListAsync(cancellationToken))
        {
            SetArticle(relationship, relationship.IntroMarkdown, relationship.BehindTheScenesMarkdown, links);
        }

        await DerivedData.MarkAsync(db, this, cancellationToken);
    }

    // Rows that stay are left alone rather than removed and re-added, so EF Core never tracks two rows with one key.
    private static void Sync<TRow>(List<TRow> rows, IReadOnlyList<int> wanted, Func<TRow, int> idOf, Func<int, TRow> create)
    {
        rows.RemoveAll(row => !wanted.Contains(idOf(row)));
        rows.AddRange(wanted.Where(id => !rows.Any(row => idOf(row) == id)).Select(create));
    }

    private static void SetLinks(List<WikiLink> rows, string field, IReadOnlyList<BodyLink> links)
    {
        var existing = rows.Where(r => r.Field == field).OrderBy(r => r.Position).ToList();
        for (var i = 0; i < links.Count; i++)
        {
            var row = i < existing.Count ? existing[i] : new WikiLink { Field = field, Position = i };
            if (i >= existing.Count)
            {
                rows.Add(row);
            }

            row.Target = links[i].Target;
            row.EpisodeId = links[i].Resolved is { Kind: WikiLinkKind.Episode } episode ? episode.Id : null;
            row.CharacterId = links[i].Resolved is { Kind: WikiLinkKind.Character } character ? character.Id : null;
        }

        rows.RemoveAll(r => r.Field == field && r.Position >= links.Count);
    }
}
