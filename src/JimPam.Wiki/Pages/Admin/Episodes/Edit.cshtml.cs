using System.ComponentModel.DataAnnotations;
using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Admin.Episodes;

/// <summary>
/// Creates an episode (/admin/episodes/new) or edits one. Saving goes through <see cref="EntryWriter"/>: a changed
/// address keeps the old one as a redirect, a changed title stays as an alias, and links in every body follow.
/// </summary>
public class EditModel(WikiDbContext db, EntryWriter writer, ILogger<EditModel> logger) : EntryFormModel<EditModel.EpisodeForm>(db, logger)
{
    public int? Id { get; private set; }

    public string? CurrentTitle { get; private set; }

    public bool Deleted { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, [FromQuery] string? title, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            // "Create this page" from a broken link arrives with the title it linked to.
            Form = new EpisodeForm { Title = title ?? "" };
            return Page();
        }

        var episode = await Db.Episodes.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { e.Title, e.Slug, Season = e.Season.Number, e.NumberInSeason, e.AirDate, Aliases = e.Aliases.Select(a => a.Title).ToList(), e.Revision, e.Deleted })
            .FirstOrDefaultAsync(cancellationToken);
        if (episode is null)
        {
            return NotFound();
        }

        (Id, CurrentTitle, Deleted) = (id, episode.Title, episode.Deleted);
        Form = new EpisodeForm
        {
            Title = episode.Title,
            Slug = episode.Slug,
            Season = episode.Season,
            NumberInSeason = episode.NumberInSeason,
            AirDate = episode.AirDate,
            Aliases = string.Join("\n", episode.Aliases.Order(StringComparer.Ordinal)),
            BaseRevision = episode.Revision,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            CurrentTitle = await Db.Episodes.Where(e => e.Id == id).Select(e => e.Title).FirstOrDefaultAsync(cancellationToken);
            if (CurrentTitle is null)
            {
                return NotFound();
            }
        }

        Id = id;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var fields = new EpisodeSnapshot(Form.Title, Form.Slug ?? "", Form.Season, Form.NumberInSeason, Form.AirDate, EntryForms.Lines(Form.Aliases));
        var result = await writer.SaveEpisodeAsync(id, Form.BaseRevision, fields, Editor, Form.Summary ?? "", cancellationToken);
        return await AnswerAsync(result, Revision.EpisodeType, id, fields, saved => RedirectToPage("/Episodes/Episode", new { slug = saved.Slug }), cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (!await Db.Episodes.AnyAsync(x => x.Id == id, cancellationToken))
        {
            return NotFound();
        }

        var result = await writer.DeleteEpisodeAsync(id, Form.BaseRevision, Editor, Form.Summary ?? "", cancellationToken);
        return await AnswerDeleteAsync(result, Revision.EpisodeType, id, () => OnGetAsync(id, null, cancellationToken));
    }

    public sealed class EpisodeForm : IEntryForm
    {
        [Required(ErrorMessage = "Give the episode a title.")]
        [StringLength(EntryRules.NameLength, ErrorMessage = "The title is too long: at most 200 characters.")]
        public string Title { get; set; } = "";

        [StringLength(EntryRules.NameLength, ErrorMessage = "The address is too long: at most 200 characters.")]
        [Display(Name = "Address (leave empty to make it from the title)")]
        public string? Slug { get; set; }

        [Range(1, 99, ErrorMessage = "The season is a number from 1 to 99.")]
        public int Season { get; set; } = 1;

        [Range(1, 99, ErrorMessage = "The episode number is a number from 1 to 99.")]
        [Display(Name = "Number in the season")]
        public int NumberInSeason { get; set; } = 1;

        [Display(Name = "Air date")]
        public DateOnly? AirDate { get; set; }

        [StringLength(EntryRules.ListLength, ErrorMessage = "The other titles are too long: at most 2,000 characters.")]
        [Display(Name = "Other titles (one per line)")]
        public string? Aliases { get; set; }

        [StringLength(EntryRules.SummaryLength, ErrorMessage = "The summary is too long: at most 500 characters.")]
        [Display(Name = "Edit summary (optional)")]
        public string? Summary { get; set; }

        [Range(0, int.MaxValue)]
        public int BaseRevision { get; set; }
    }
}
