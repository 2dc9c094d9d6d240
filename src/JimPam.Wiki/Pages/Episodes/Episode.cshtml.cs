using JimPam.Wiki.Caching;
using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace JimPam.Wiki.Pages.Episodes;

/// <summary>An episode, its neighbours, and every event and joke that cites it ("what links here").</summary>
[OutputCache(PolicyName = WikiPagePolicy.PagedName)]
public class EpisodeModel(WikiDbContext db) : PageModel
{
    public EpisodeRead? Episode { get; private set; }

    /// <summary>Citing events shown on one page: an episode of a big wiki can be cited by hundreds of them.</summary>
    public const int PageSize = 20;

    /// <summary>Which page of the citing events ("?p=2"), from 1. ("page" is the name Razor Pages routes by.)</summary>
    [BindProperty(SupportsGet = true, Name = WikiQueryKeys.Paging)]
    public int CitingPage { get; set; } = 1;

    public int CitingPages => Math.Max(1, ((Episode?.CitingCount ?? 0) + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var shield = SpoilerShield.Of(HttpContext);
        var ask = new EpisodeRead.Ask(CitingPage, PageSize);

        Episode = await EpisodeRead.LoadAsync(db, slug, shield, ask, cancellationToken);
        if (Episode is null)
        {
            // Another spelling of the slug ("Café-Disco" for "cafe-disco"), or an address the entry had before an editor
            // changed it, answers with a permanent redirect to the current one, query kept, as the API does.
            return await RetiredSlugs.WhereNowAsync(db, Revision.EpisodeType, slug, cancellationToken) is { } moved
                ? this.RedirectToCanonical("/Episodes/Episode", new { slug = moved }) ?? NotFound()
                : NotFound();
        }

        if (this.RedirectToCanonical("/Episodes/Episode", new { slug = Episode.Slug }) is { } redirect)
        {
            return redirect;
        }

        if (CitingPage < 1 || CitingPage > CitingPages)
        {
            return NotFound();
        }

        HttpContext.Tag(Episode.Tags);
        return Page();
    }
}
