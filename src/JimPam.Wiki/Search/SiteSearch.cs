using System.Net;
using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Search;

/// <summary>One thing found: where it is, what it is, and its matched words marked (HTML, encoded, with &lt;mark&gt;).</summary>
public sealed record SearchHit(SearchKind Kind, int Id, string Title, string TitleHtml, string SnippetHtml, SearchPlace Place, string Context);

/// <summary>Where a hit is: its entry, slug, and the relationship (null: the wiki's first) and season it belongs to.</summary>
public sealed record SearchPlace(SearchKind Kind, int Id, string Slug, string? Relationship, int Season);

/// <summary>A page of results, with how many there are of each kind and how many the spoiler shield held back.</summary>
public sealed record SearchResults(
    SearchQuery Query,
    SearchKind? Kind,
    int Total,
    IReadOnlyDictionary<SearchKind, int> Counts,
    IReadOnlyList<SearchHit> Hits,
    int Page,
    int Pages,
    int Hidden,
    bool Capped,
    string? Problem)
{
    /// <summary>No entry had every word: these have some of them.</summary>
    public bool Loose { get; init; }

    /// <summary>The query with its words that match nothing spelt as the index has them ("Did you mean …?"), or null.</summary>
    public string? Suggestion { get; init; }

    public static SearchResults Refused(SearchQuery query, SearchKind? kind, string problem) =>
        new(query, kind, 0, new Dictionary<SearchKind, int>(), [], 1, 0, 0, false, problem);
}

/// <summary>
/// The wiki's search, for the search page and the API alike: matches from the index (<see cref="SearchIndex"/>), the
/// entries placed after the reader's point in the story (the spoiler shield's ordinal) left out (before counting and paging), then a page of hits with their
/// links and snippets.
/// </summary>
public sealed class SiteSearch(WikiDbContext db, ILogger<SiteSearch> logger)
{
    public const int PageSize = 20;

    /// <summary>More matches than this are not counted one by one (the page says "more than").</summary>
    public const int MaxMatches = 2000;

    public async Task<SearchResults> SearchAsync(SearchQuery query, int? upTo, SearchKind? kind, int page, CancellationToken cancellationToken)
    {
        if (query.Problem is { } problem)
        {
            return SearchResults.Refused(query, kind, problem);
        }

        var index = SearchIndex.For(db);
        List<IndexMatch> matches;
        var loose = false;
        try
        {
            matches = await index.MatchAsync(db, query.Terms, any: false, query.Name, MaxMatches + 1, cancellationToken);
            if (matches.Count == 0 && query.Terms.Count > 1)
            {
                // Nothing has every word ("the gas station teapot"): the entries with most of them, best first.
                loose = true;
                matches = await index.MatchAsync(db, query.Terms, any: true, query.Name, MaxMatches + 1, cancellationToken);
            }
        }
        catch (Exception e) when (index.IsQueryError(e))
        {
            // The sanitiser should make this impossible; if the index still refuses, the reader gets a message, not a 500.
            logger.LogWarning(e, "The search index refused the query {Match} (typed as {Query})", index.Describe(query.Terms, loose), query.Text);
            return SearchResults.Refused(query, kind, "That search could not be run. Try plain words, without punctuation.");
        }

        // A word matches nothing only when not every word matched together: only then is a spelling worth a look.
        var suggestion = matches.Count == 0 || loose ? await SpellingSuggestion.ForAsync(db, query, cancellationToken) : null;
        var capped = matches.Count > MaxMatches;
        var found = matches.Take(MaxMatches).Select(m => (Row: m, Entry: SearchIndex.FromRowId(m.RowId))).ToList();
        var hidden = 0;
        if (upTo is not null)
        {
            var hiddenEntries = await HiddenAsync(upTo, found.Select(f => f.Entry).ToList(), cancellationToken);
            hidden = found.RemoveAll(f => hiddenEntries.Contains(f.Entry));
        }

        var counts = found.GroupBy(f => f.Entry.Kind).ToDictionary(g => g.Key, g => g.Count());
        var shown = kind is null ? found : [.. found.Where(f => f.Entry.Kind == kind)];
        var pages = (shown.Count + PageSize - 1) / PageSize;
        page = Math.Clamp(page, 1, Math.Max(1, pages));
        var onPage = shown.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var hits = await HitsAsync(index, query.Terms, loose, onPage.Select(f => f.Row.RowId).ToList(), cancellationToken);
        return new SearchResults(query, kind, shown.Count, counts, [.. onPage.Select(f => hits.GetValueOrDefault(f.Row.RowId)).OfType<SearchHit>()], page, pages, hidden, capped, null) { Loose = loose, Suggestion = suggestion };
    }

    /// <summary>The parts of the story and the jokes among these that the shield hides: those placed after it.</summary>
    private async Task<HashSet<(SearchKind, int)>> HiddenAsync(int? upTo, IReadOnlyList<(SearchKind Kind, int Id)> entries, CancellationToken cancellationToken)
    {
        var eventIds = entries.Where(e => e.Kind == SearchKind.Event).Select(e => e.Id).ToList();
        var jokeIds = entries.Where(e => e.Kind == SearchKind.Joke).Select(e => e.Id).ToList();
        var hidden = await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id) && e.Point > upTo).Select(e => new { Kind = SearchKind.Event, e.Id })
            .Concat(db.Jokes.AsNoTracking().Where(j => jokeIds.Contains(j.Id) && j.Point > upTo).Select(j => new { Kind = SearchKind.Joke, j.Id }))
            .ToListAsync(cancellationToken);
        return [.. hidden.Select(h => (h.Kind, h.Id))];
    }

    /// <summary>The hits of these index rows: snippets from the index, places and links from the tables.</summary>
    private async Task<Dictionary<long, SearchHit>> HitsAsync(SearchIndex index, IReadOnlyList<SearchTerm> terms, bool any, List<long> rowIds, CancellationToken cancellationToken)
    {
        if (rowIds.Count == 0)
        {
            return [];
        }

        var snippets = (await index.SnippetsAsync(db, terms, any, rowIds, cancellationToken)).ToDictionary(s => s.RowId);
        var ids = rowIds.Select(SearchIndex.FromRowId).ToLookup(e => e.Kind, e => e.Id);
        var first = await db.FirstRelationshipIdAsync(cancellationToken);
        string? Relationship(int relationshipId, string slug) => WikiDbContext.AddressValue(relationshipId == first, slug);
        var places = new Dictionary<(SearchKind, int), (string Title, SearchPlace Place, string Context)>();

        var eventIds = ids[SearchKind.Event].ToList();
        foreach (var e in await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id))
                     .Select(e => new
                     {
                         e.Id, e.Kind, e.Milestone, Season = e.Season.Number, e.RelationshipId, e.Relationship.Slug, e.Relationship.Title,
                         // The moment's episode: the first of its own season that it cites.
                         Episode = e.Citations.Where(c => c.Episode.SeasonId == e.SeasonId).OrderBy(c => c.Episode.NumberInSeason).Select(c => c.Episode.Title).FirstOrDefault(),
                     })
                     .ToListAsync(cancellationToken))
        {
            var what = e.Kind == EventKind.Figure ? "Image caption" : e.Milestone is not null ? "Milestone" : "Story";
            places[(SearchKind.Event, e.Id)] = (e.Milestone ?? (e.Episode is null ? $"Season {e.Season}" : $"Season {e.Season}: “{e.Episode}”"), new SearchPlace(SearchKind.Event, e.Id, e.Slug, Relationship(e.RelationshipId, e.Slug), e.Season), $"{what} · Season {e.Season} · {e.Title}");
        }

        var jokeIds = ids[SearchKind.Joke].ToList();
        foreach (var j in await db.Jokes.AsNoTracking().Where(j => jokeIds.Contains(j.Id))
                     .Join(db.Relationships, j => j.RelationshipId, r => r.Id, (j, r) => new { j.Id, r.Slug, r.Title, RelationshipId = r.Id })
                     .ToListAsync(cancellationToken))
        {
            places[(SearchKind.Joke, j.Id)] = ("Recurring joke", new SearchPlace(SearchKind.Joke, j.Id, j.Slug, Relationship(j.RelationshipId, j.Slug), 0), $"Recurring joke · {j.Title}");
        }

        var episodeIds = ids[SearchKind.Episode].ToList();
        foreach (var e in await db.Episodes.AsNoTracking().Where(e => episodeIds.Contains(e.Id))
                     .Select(e => new { e.Id, e.Title, e.Slug, Season = e.Season.Number, e.NumberInSeason, e.AirDate })
                     .ToListAsync(cancellationToken))
        {
            var aired = e.AirDate is { } date ? $" · aired {date:MMMM d, yyyy}" : "";
            places[(SearchKind.Episode, e.Id)] = (e.Title, new SearchPlace(SearchKind.Episode, e.Id, e.Slug, null, e.Season), $"Episode · Season {e.Season}, episode {e.NumberInSeason}{aired}");
        }

        var characterIds = ids[SearchKind.Character].ToList();
        foreach (var c in await db.Characters.AsNoTracking().Where(c => characterIds.Contains(c.Id))
                     .Select(c => new { c.Id, c.Name, c.Slug, c.Actor })
                     .ToListAsync(cancellationToken))
        {
            places[(SearchKind.Character, c.Id)] = (c.Name, new SearchPlace(SearchKind.Character, c.Id, c.Slug, null, 0), c.Actor is null ? "Character" : $"Character · played by {c.Actor}");
        }

        var relationshipIds = ids[SearchKind.Relationship].ToList();
        foreach (var r in await db.Relationships.AsNoTracking().Where(r => relationshipIds.Contains(r.Id))
                     .Select(r => new { r.Id, r.Title, r.Slug, r.Status })
                     .ToListAsync(cancellationToken))
        {
            places[(SearchKind.Relationship, r.Id)] = (r.Title, new SearchPlace(SearchKind.Relationship, r.Id, r.Slug, Relationship(r.Id, r.Slug), 0), $"Relationship · {r.Status}");
        }

        var hits = new Dictionary<long, SearchHit>();
        foreach (var rowId in rowIds)
        {
            var (kind, id) = SearchIndex.FromRowId(rowId);
            if (places.TryGetValue((kind, id), out var place) && snippets.TryGetValue(rowId, out var snippet))
            {
                var titleHtml = snippet.Title.Length > 0 ? Marked(snippet.Title) : WebUtility.HtmlEncode(place.Title);
                hits[rowId] = new SearchHit(kind, id, place.Title, titleHtml, Marked(snippet.Body), place.Place, place.Context);
            }
        }

        return hits;
    }

    /// <summary>Index text with its marks: encoded for HTML, then each mark made a &lt;mark&gt; element.</summary>
    private static string Marked(string text) =>
        WebUtility.HtmlEncode(text).Replace(SearchIndex.MarkStart.ToString(), "<mark>").Replace(SearchIndex.MarkEnd.ToString(), "</mark>");
}
