using System.ComponentModel.DataAnnotations;
using JimPam.Wiki.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Admin.Seasons;

/// <summary>Edits a season's summary line, the sentence under its heading and on its card, through <see cref="EntryWriter"/>.</summary>
public class EditModel(WikiDbContext db, EntryWriter writer, ILogger<EditModel> logger) : PageModel
{
    [BindProperty]
    public SeasonForm Form { get; set; } = new();

    public int Number { get; private set; }

    public int SeasonId { get; private set; }

    public EntryConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken cancellationToken)
    {
        if (await FindAsync(number, cancellationToken) is not { } season)
        {
            return NotFound();
        }

        Form = new SeasonForm { Summary = season.Summary, BaseRevision = season.Revision };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int number, CancellationToken cancellationToken)
    {
        if (await FindAsync(number, cancellationToken) is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var author = User.Identity?.Name ?? "";
        var fields = new SeasonSnapshot(Form.Summary);
        switch (await writer.SaveSeasonAsync(SeasonId, Form.BaseRevision, fields, author, Form.EditSummary ?? "", cancellationToken))
        {
            case EntrySaveResult.Saved saved:
                logger.LogInformation("Editor {Editor} saved the summary of Season {Season} as revision {Revision}", author, number, saved.Revision);
                return RedirectToPage("/Seasons/Season", new { number });
            case EntrySaveResult.Conflict conflict:
                Conflict = await EntryForms.ConflictAsync(db, Revision.SeasonType, SeasonId, conflict, fields, cancellationToken);
                ModelState.Remove($"{nameof(Form)}.{nameof(SeasonForm.BaseRevision)}");
                Form.BaseRevision = conflict.CurrentRevision;
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<Found?> FindAsync(int number, CancellationToken cancellationToken)
    {
        var season = await db.Seasons.AsNoTracking().Where(s => s.Number == number).Select(s => new Found(s.Id, s.Summary, s.Revision)).FirstOrDefaultAsync(cancellationToken);
        (Number, SeasonId) = (number, season?.Id ?? 0);
        return season;
    }

    private sealed record Found(int Id, string Summary, int Revision);

    public sealed class SeasonForm
    {
        [Required(ErrorMessage = "The summary cannot be empty.")]
        [StringLength(2000, ErrorMessage = "The summary is too long: at most 2,000 characters.")]
        [Display(Name = "Summary (plain text)")]
        public string Summary { get; set; } = "";

        [StringLength(500, ErrorMessage = "The edit summary is too long: at most 500 characters.")]
        [Display(Name = "Edit summary (optional)")]
        public string? EditSummary { get; set; }

        [Range(0, int.MaxValue)]
        public int BaseRevision { get; set; }
    }
}
