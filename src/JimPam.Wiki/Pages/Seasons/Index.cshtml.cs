using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Seasons;

public class IndexModel(WikiDbContext db) : PageModel
{
    public IReadOnlyList<SeasonCard> Seasons { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (this.RedirectToCanonical("/Seasons/Index") is { } redirect)
        {
            return redirect;
        }

        Seasons = await db.Seasons.AsNoTracking()
            .OrderBy(s => s.Number)
            .Select(s => new SeasonCard(
                s.Number,
                s.Summary,
                s.Episodes.Count(e => !e.Deleted),
                db.Events.Count(e => e.SeasonId == s.Id && e.Kind == EventKind.Paragraph && !e.Deleted)))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record SeasonCard(int Number, string Summary, int Episodes, int Events);
}
