using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Episodes;

[OutputCache(PolicyName = WikiPagePolicy.Name)]
public class IndexModel(WikiDbContext db) : PageModel
{
    public IReadOnlyList<SeasonGroup> Seasons { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (this.RedirectToCanonical("/Episodes/Index") is { } redirect)
        {
            return redirect;
        }

        var episodes = await db.Episodes.AsNoTracking()
            .Where(e => !e.Deleted)
            .OrderBy(e => e.Season.Number).ThenBy(e => e.NumberInSeason)
            .Select(e => new
            {
                Season = e.Season.Number,
                Row = new EpisodeRow(e.NumberInSeason, e.Title, e.Slug,
                    db.EventCitations.Count(c => c.EpisodeId == e.Id) + db.JokeCitations.Count(c => c.EpisodeId == e.Id)),
            })
            .ToListAsync(cancellationToken);
        HttpContext.Tag(CacheTags.EpisodeList, CacheTags.CitationCounts);
        Seasons = [.. episodes.GroupBy(e => e.Season).Select(g => new SeasonGroup(g.Key, [.. g.Select(e => e.Row)]))];
        return Page();
    }

    public sealed record SeasonGroup(int Number, IReadOnlyList<EpisodeRow> Episodes);

    public sealed record EpisodeRow(int Number, string Title, string Slug, int Citations);
}
