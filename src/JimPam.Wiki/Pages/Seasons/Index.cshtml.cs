using JimPam.Wiki.Caching;
using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace JimPam.Wiki.Pages.Seasons;

[OutputCache(PolicyName = WikiPagePolicy.Name)]
public class IndexModel(WikiDbContext db) : PageModel
{
    public IReadOnlyList<SeasonListRead.SeasonCard> Seasons { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (this.RedirectToCanonical("/Seasons/Index") is { } redirect)
        {
            return redirect;
        }

        var list = await SeasonListRead.LoadAsync(db, cancellationToken);
        HttpContext.Tag(list.Tags);
        Seasons = list.Seasons;
        return Page();
    }
}
