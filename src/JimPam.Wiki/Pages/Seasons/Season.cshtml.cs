using JimPam.Wiki.Caching;
using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace JimPam.Wiki.Pages.Seasons;

/// <summary>
/// One season of the story: each relationship's events in order, grouped by relationship (the wiki's first relationship first), with the
/// recurring-jokes sidebar. <c>?relationship=slug</c> shows one relationship's season alone; a season with more events than a page
/// should carry shows the first relationship's and links the others', so the page never grows with the size of the wiki.
/// </summary>
[OutputCache(PolicyName = WikiPagePolicy.Name)]
public class SeasonModel(WikiDbContext db) : PageModel
{
    /// <summary>Above this many events in a season, other relationships' parts are linked instead of shown.</summary>
    public const int GroupBudget = 200;

    public SeasonRead? Season { get; private set; }

    /// <summary>The relationship whose season alone is asked for (<c>?relationship=slug</c>).</summary>
    [BindProperty(SupportsGet = true, Name = WikiQueryKeys.Relationship)]
    public string? Relationship { get; set; }

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken cancellationToken)
    {
        Season = await SeasonRead.LoadAsync(db, number, SpoilerShield.Of(HttpContext), new SeasonRead.Ask(Relationship, GroupBudget), cancellationToken);
        if (Season is null)
        {
            return NotFound();
        }

        if (this.RedirectToCanonical("/Seasons/Season", new { number = Season.Number }) is { } redirect)
        {
            return redirect;
        }

        HttpContext.Tag(Season.Tags);
        return Page();
    }
}
