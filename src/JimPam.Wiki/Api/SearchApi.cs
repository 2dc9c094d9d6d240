using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Search;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static JimPam.Wiki.Api.WikiApi;

namespace JimPam.Wiki.Api;

/// <summary>/api/v1/search: the site's search, as JSON.</summary>
public static class SearchApi
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapRead("/", SearchAsync).WithName("Search").WithSummary("Search the wiki")
            .WithDescription("The same search as /search: words match their beginnings, \"phrases\" in double quotes, any case and accents. Ranked by relevance, 20 a page (p=2 and on), optionally of one kind (events, episodes, characters, jokes, relationships; story, the key before events, still works). Snippets are HTML with the matched words in <mark>. With asOf, results after that episode are left out. A query with no word gets a message, never an error. When a word matches nothing, didYouMean gives the query spelt as the wiki spells its nearest word, and its search. An unknown type is a 400 here, so a client's typo is not mistaken for a search of everything; the page, for people, shows every kind instead.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Results<Ok<SearchDocumentPage>, ProblemHttpResult>> SearchAsync(string? q, string? type, [FromQuery(Name = WikiQueryKeys.Paging)] int? page, string? asOf, HttpContext http, WikiDbContext db, SiteSearch search, WikiAddresses site, CancellationToken cancellationToken)
    {
        var shield = SpoilerShield.OfAsOf(http);

        SearchKind? kind = null;
        if (type is not null)
        {
            if (SearchKinds.Of(type) is not { } known)
            {
                return BadRequest(http, $"type=“{type}” is not a kind of result; use one of {string.Join(", ", SearchKinds.All.Select(k => k.Key))}.");
            }

            kind = known;
        }

        if (page is < 1)
        {
            return BadRequest(http, "p (the page) starts at 1.");
        }

        var results = await search.SearchAsync(SearchQuery.Parse(q), shield.Ordinal, kind, page ?? 1, cancellationToken);
        var key = (SearchKind k) => SearchKinds.KeyOf(k);
        string Address(string query, int? p) => site.Api("Search", new { q = query, type = kind is { } k ? key(k) : null, asOf = shield.UpTo?.Code, p });
        return TypedResults.Ok(new SearchDocumentPage(
            results.Query.Text,
            kind is { } only ? key(only) : null,
            results.Total,
            results.Capped,
            results.Loose,
            results.Counts.ToDictionary(c => key(c.Key), c => c.Value),
            results.Page,
            results.Pages,
            results.Hidden,
            results.Problem,
            [.. results.Hits.Select(h => new SearchHitDocument(key(h.Kind), h.Title, h.TitleHtml, h.SnippetHtml, h.Context, site.Absolute(site.Of(h.Place))))],
            results.Page < results.Pages ? Address(results.Query.Text, results.Page + 1) : null,
            results.Suggestion is { } better
                ? new SearchSuggestion(better, Address(better, null))
                : null));
    }
}
