using JimPam.Wiki.Caching;
using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace JimPam.Wiki.Pages.Episodes;

[OutputCache(PolicyName = WikiPagePolicy.Name)]
public class IndexModel(WikiDbContext db) : PageModel
{
    public IReadOnlyList<EpisodeListRead.SeasonGroup> Seasons { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (this.RedirectToCanonical("/Episodes/Index") is { } redirect)
        {
            return redirect;
        }

        var list = await EpisodeListRead.LoadAsync(db, cancellationToken);
        HttpContext.Tag(list.Tags);
        Seasons = list.Seasons;
        return Page();
    }
}
