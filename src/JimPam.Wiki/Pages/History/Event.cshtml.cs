using System.Text.Json;
using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.History;

/// <summary>The history of one paragraph or caption: every revision, and the change between any two of them.</summary>
public class EventModel(WikiDbContext db) : PageModel
{
    public HistoryView? History { get; private set; }

    public IReadOnlyList<DiffSegment>? Diff { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var item = await db.Events.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new { e.Id, Season = e.Season.Number, e.Order, e.Revision })
            .FirstOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        var revisions = await db.Revisions.AsNoTracking()
            .Where(r => r.EntityType == Revision.EventType && r.EntityId == id)
            .OrderByDescending(r => r.Number)
            .Select(r => new RevisionRow(r.Number, r.Author, r.SavedAt, r.Summary, r.SnapshotJson))
            .ToListAsync(cancellationToken);
        History = new HistoryView(item.Id, item.Season, item.Order, revisions);

        if (From is { } from && To is { } to)
        {
            var before = revisions.FirstOrDefault(r => r.Number == from);
            var after = revisions.FirstOrDefault(r => r.Number == to);
            if (before is null || after is null)
            {
                return NotFound();
            }

            Diff = RevisionDiff.Words(Body(before), Body(after));
        }

        return Page();
    }

    private static string Body(RevisionRow row) => JsonSerializer.Deserialize<EventSnapshot>(row.SnapshotJson)!.BodyMarkdown;

    public sealed record HistoryView(int EventId, int Season, int Order, IReadOnlyList<RevisionRow> Revisions);

    public sealed record RevisionRow(int Number, string Author, DateTimeOffset SavedAt, string Summary, string SnapshotJson);
}
