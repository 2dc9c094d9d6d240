using JimPam.Wiki.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Admin.BrokenLinks;

/// <summary>Every wiki link that names no episode or character ("red links"), where it is, and how to fix it.</summary>
public class IndexModel(WikiDbContext db) : PageModel
{
    public IReadOnlyList<BrokenLink> Links { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await db.WikiLinks.AsNoTracking()
            .Where(l => l.EpisodeId == null && l.CharacterId == null)
            .Select(l => new
            {
                l.Target,
                l.EventId,
                EventSeason = db.Events.Where(e => e.Id == l.EventId).Select(e => (int?)e.Season.Number).FirstOrDefault(),
                EventOrder = db.Events.Where(e => e.Id == l.EventId).Select(e => (int?)e.Order).FirstOrDefault(),
                JokeOrder = db.Jokes.Where(j => j.Id == l.JokeId).Select(j => (int?)j.Order).FirstOrDefault(),
                l.Field,
            })
            .ToListAsync(cancellationToken);
        Links = [.. rows
            .Select(r => new BrokenLink(
                r.Target,
                r.EventId,
                r.EventId is not null ? $"Season {r.EventSeason}, paragraph {r.EventOrder}"
                    : r.JokeOrder is not null ? $"Recurring joke {r.JokeOrder}"
                    : r.Field == WikiLink.IntroField ? "The article's intro" : "The behind-the-scenes note",
                r.EventSeason))
            .OrderBy(l => l.Target, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.Where, StringComparer.Ordinal)];
    }

    /// <summary>A link to nothing: its text, and the body it sits in (with the event to edit, when it is in one).</summary>
    public sealed record BrokenLink(string Target, int? EventId, string Where, int? Season);
}
