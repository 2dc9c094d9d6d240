using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Search;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JimPam.Wiki.Pages.SearchPage;

/// <summary>
/// /search?q=: every moment, joke, episode, character and relationship that holds the words, ranked, a page of 20 at a time,
/// grouped by kind, within the reader's spoiler shield. Any text is a valid query: what cannot be searched for gets a
/// message on the page, never an error.
/// </summary>
public class IndexModel(SiteSearch search, WikiAddresses addresses) : PageModel
{
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "type")]
    public string? Type { get; set; }

    [FromQuery(Name = WikiQueryKeys.Paging)]
    public int P { get; set; } = 1;

    public SearchResults? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Q is null && !Request.Query.ContainsKey("q"))
        {
            // The bare page: only the search box.
            return;
        }

        var kind = SearchKinds.Of(Type);
        Results = await search.SearchAsync(SearchQuery.Parse(Q), SpoilerShield.Of(HttpContext).Ordinal, kind, P, cancellationToken);
    }

    /// <summary>This search's address with another kind or page, or another query (the suggested spelling).</summary>
    public string Link(string? type, int page, string? query = null) => addresses.Search(query ?? Results?.Query.Text ?? Q ?? "", type, page);
}
