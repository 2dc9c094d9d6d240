using JimPam.Wiki.Data;

namespace JimPam.Wiki.Content;

/// <summary>
/// Saving a body also saves what it links to: the citation and mention rows that "what links here"
/// reads are always derived from the Markdown, here and nowhere else.
/// </summary>
public static class CitationRows
{
    /// <summary>Sets an event's body and brings its citation and mention rows in line with it.</summary>
    public static WikiLinkAnalysis SetBody(RelationshipEvent target, string markdown, WikiLinkResolver resolver, MentionFinder mentions)
    {
        var links = WikiMarkdown.Analyse(markdown, resolver, mentions);
        target.BodyMarkdown = markdown;
        Sync(target.Citations, links.EpisodeIds, c => c.EpisodeId, id => new EventCitation { EpisodeId = id });
        Sync(target.Mentions, links.CharacterIds, m => m.CharacterId, id => new EventMention { CharacterId = id });
        return links;
    }

    /// <summary>Sets a recurring joke's body and brings its citation rows in line with it.</summary>
    public static WikiLinkAnalysis SetBody(RecurringJoke target, string markdown, WikiLinkResolver resolver)
    {
        var links = WikiMarkdown.Analyse(markdown, resolver, MentionFinder.Empty);
        target.BodyMarkdown = markdown;
        Sync(target.Citations, links.EpisodeIds, c => c.EpisodeId, id => new JokeCitation { EpisodeId = id });
        return links;
    }

    // Rows that stay are left alone rather than removed and re-added, so EF Core never tracks two rows with one key.
    private static void Sync<TRow>(List<TRow> rows, IReadOnlyList<int> wanted, Func<TRow, int> idOf, Func<int, TRow> create)
    {
        rows.RemoveAll(row => !wanted.Contains(idOf(row)));
        rows.AddRange(wanted.Where(id => !rows.Any(row => idOf(row) == id)).Select(create));
    }
}
