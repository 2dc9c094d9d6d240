using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Pages.History;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JimPam.Wiki.Pages.Admin;

/// <summary>
/// Makes an earlier revision of an entry current again, as a new revision (a restore, when the entry is deleted).
/// The history page posts here; if someone saved in the meantime nothing is reverted and this page says so.
/// </summary>
public class RevertModel(WikiDbContext db, EntryWriter entries, WikiAddresses addresses, ILogger<RevertModel> logger) : PageModel
{
    [BindProperty]
    public int BaseRevision { get; set; }

    [BindProperty]
    public int ToRevision { get; set; }

    public EntryHistory.EntryHeading? Entry { get; private set; }

    public async Task<IActionResult> OnPostAsync(string type, int id, CancellationToken cancellationToken)
    {
        if (!EntryHistory.Types.Contains(type) || await EntryHistory.HeadingAsync(db, addresses, type, id, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            // A form that could not be read as sent: nothing is reverted, and the page says why.
            Entry = entry;
            return Page();
        }

        var author = User.Identity?.Name ?? "";
        var result = await entries.RevertAsync(type, id, BaseRevision, ToRevision, author, cancellationToken);
        HttpContext.RequestServices.GetRequiredService<WikiMetrics>().Save(type, result);
        if (result is not EntrySaveResult.Saved)
        {
            // Shown with the entry as it is now, so the editor can look again before choosing.
            logger.LogInformation("Editor {Editor} could not revert {EntityType} {EntityId} to revision {Revision}: base {Base} is no longer current", author, type, id, ToRevision, BaseRevision);
            Entry = await EntryHistory.HeadingAsync(db, addresses, type, id, cancellationToken);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        logger.LogInformation("Editor {Editor} reverted {EntityType} {EntityId} to revision {Revision}", author, type, id, ToRevision);
        return RedirectToPage("/History/Entry", new { type, id });
    }
}
