using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JimPam.Wiki.Pages.History;

/// <summary>The history of one entry: every revision, the change between any two of them, and (for editors) revert.</summary>
public class EntryModel(WikiDbContext db, WikiAddresses addresses) : PageModel
{
    public EntryHistory.EntryHeading? Entry { get; private set; }

    public IReadOnlyList<EntryHistory.RevisionRow> Revisions { get; private set; } = [];

    public IReadOnlyList<EntryHistory.FieldDiff>? Diff { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public async Task<IActionResult> OnGetAsync(string type, int id, CancellationToken cancellationToken)
    {
        if (!EntryHistory.Types.Contains(type) || await EntryHistory.HeadingAsync(db, addresses, type, id, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        Revisions = await EntryHistory.RevisionsAsync(db, type, id, cancellationToken);
        if (From is { } from && To is { } to)
        {
            var before = Revisions.FirstOrDefault(r => r.Number == from);
            var after = Revisions.FirstOrDefault(r => r.Number == to);
            if (before is null || after is null)
            {
                return NotFound();
            }

            Diff = EntryHistory.Compare(before.SnapshotJson, after.SnapshotJson);
        }

        return Page();
    }
}
