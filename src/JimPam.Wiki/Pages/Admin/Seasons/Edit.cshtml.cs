using System.ComponentModel.DataAnnotations;
using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Admin.Seasons;

/// <summary>Edits a season's summary line, the sentence under its heading and on its card, through <see cref="EntryWriter"/>.</summary>
public class EditModel(WikiDbContext db, EntryWriter writer, ILogger<EditModel> logger) : EntryFormModel<EditModel.SeasonForm>(db, logger)
{
    public int Number { get; private set; }

    public int SeasonId { get; private set; }

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

        var fields = new SeasonSnapshot(Form.Summary);
        var result = await writer.SaveSeasonAsync(SeasonId, Form.BaseRevision, fields, Editor, Form.EditSummary ?? "", cancellationToken);
        return await AnswerAsync(result, Revision.SeasonType, SeasonId, fields, _ => RedirectToPage("/Seasons/Season", new { number }), cancellationToken);
    }

    private async Task<Found?> FindAsync(int number, CancellationToken cancellationToken)
    {
        var season = await Db.Seasons.AsNoTracking().Where(s => s.Number == number).Select(s => new Found(s.Id, s.Summary, s.Revision)).FirstOrDefaultAsync(cancellationToken);
        (Number, SeasonId) = (number, season?.Id ?? 0);
        return season;
    }

    private sealed record Found(int Id, string Summary, int Revision);

    public sealed class SeasonForm : IEntryForm
    {
        [Required(ErrorMessage = "The summary cannot be empty.")]
        [StringLength(EntryRules.ShortTextLength, ErrorMessage = "The summary is too long: at most 2,000 characters.")]
        [Display(Name = "Summary (plain text)")]
        public string Summary { get; set; } = "";

        [StringLength(EntryRules.SummaryLength, ErrorMessage = "The edit summary is too long: at most 500 characters.")]
        [Display(Name = "Edit summary (optional)")]
        public string? EditSummary { get; set; }

        [Range(0, int.MaxValue)]
        public int BaseRevision { get; set; }
    }
}
