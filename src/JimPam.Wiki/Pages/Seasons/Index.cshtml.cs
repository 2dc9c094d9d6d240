using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Seasons;

[OutputCache(PolicyName = WikiPagePolicy.Name)]
public class IndexModel(WikiDbContext db) : PageModel
{
    public IReadOnlyList<SeasonCard> Seasons { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (this.RedirectToCanonical("/Seasons/Index") is { } redirect)
        {
            return redirect;
        }

        // The story is the first relationship's (as on the season pages); other couples' events are not counted.
        var relationship = await db.FirstRelationshipIdAsync(cancellationToken);
        Seasons = await db.Seasons.AsNoTracking()
            .OrderBy(s => s.Number)
            .Select(s => new SeasonCard(
                s.Id,
                s.Number,
                s.Summary,
                s.Episodes.Count(e => !e.Deleted),
                db.Events.Count(e => e.SeasonId == s.Id && e.RelationshipId == relationship && e.Kind == EventKind.Paragraph && !e.Deleted)))
            .ToListAsync(cancellationToken);
        HttpContext.Tag([CacheTags.EventCounts, CacheTags.EpisodeList, .. Seasons.Select(s => CacheTags.Season(s.Id))]);
        return Page();
    }

    public sealed record SeasonCard(int Id, int Number, string Summary, int Episodes, int Events);
}
