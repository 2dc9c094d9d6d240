using System.ComponentModel.DataAnnotations;
using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Admin.Relationships;

/// <summary>
/// Creates a relationship article (/admin/relationships/new) or edits its own fields: title, status, epigraph, intro, behind the scenes and members. Its
/// paragraphs and jokes have their own forms. Saving goes through <see cref="EntryWriter"/>.
/// </summary>
public class EditModel(WikiDbContext db, EntryWriter writer, PreviewRenderer renderer, ILogger<EditModel> logger) : EntryFormModel<EditModel.RelationshipForm>(db, logger)
{
    public int? Id { get; private set; }

    public IHtmlContent? IntroPreview { get; private set; }

    public IHtmlContent? NotePreview { get; private set; }

    public IReadOnlyList<string> BrokenLinks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            // A new relationship: its members are characters of the wiki, its address comes from its title.
            Form = new RelationshipForm();
            return Page();
        }

        var r = await Db.Relationships.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new
            {
                r.Title,
                r.Status,
                r.QuoteText,
                r.QuoteSpeaker,
                QuoteEpisode = r.QuoteEpisode == null ? null : r.QuoteEpisode.Title,
                r.IntroMarkdown,
                r.BehindTheScenesMarkdown,
                r.BehindTheScenesFootnote,
                Members = r.Members.OrderBy(m => m.Position).Select(m => m.Character.Name).ToList(),
                r.Revision,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (r is null)
        {
            return NotFound();
        }

        Id = id;
        Form = new RelationshipForm
        {
            Title = r.Title,
            Status = r.Status,
            QuoteText = r.QuoteText,
            QuoteSpeaker = r.QuoteSpeaker,
            QuoteEpisode = r.QuoteEpisode,
            Intro = r.IntroMarkdown,
            BehindTheScenes = r.BehindTheScenesMarkdown,
            Footnote = r.BehindTheScenesFootnote,
            Members = string.Join("\n", r.Members),
            BaseRevision = r.Revision,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var intro = await renderer.RenderAsync(Form.Intro, inline: false, cancellationToken);
            var note = await renderer.RenderAsync(Form.BehindTheScenes ?? "", inline: false, cancellationToken);
            (IntroPreview, NotePreview) = (new HtmlString(intro.Html), new HtmlString(note.Html));
            BrokenLinks = [.. intro.Analysis.BrokenLinks.Concat(note.Analysis.BrokenLinks).Distinct()];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var fields = new RelationshipSnapshot(Form.Title, Form.Status ?? "", Form.QuoteText ?? "", Form.QuoteSpeaker ?? "", Form.QuoteEpisode, Form.Intro, Form.BehindTheScenes ?? "", EntryForms.Lines(Form.Members), Form.Footnote);
        var result = await writer.SaveRelationshipAsync(id, Form.BaseRevision, fields, Editor, Form.Summary ?? "", cancellationToken);
        return await AnswerAsync(result, Revision.RelationshipType, id, fields, async saved =>
            saved.Id == await Db.FirstRelationshipIdAsync(cancellationToken) ? RedirectToPage("/Index") : RedirectToPage("/Relationships/Article", new { slug = saved.Slug }), cancellationToken);
    }

    private async Task<bool> ExistsAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        return id is null || await Db.Relationships.AnyAsync(r => r.Id == id, cancellationToken);
    }

    public sealed class RelationshipForm : IEntryForm
    {
        [Required(ErrorMessage = "Give the article a title.")]
        [StringLength(EntryRules.NameLength, ErrorMessage = "The title is too long: at most 200 characters.")]
        public string Title { get; set; } = "";

        [StringLength(EntryRules.StatusLength, ErrorMessage = "The status is too long: at most 100 characters.")]
        public string? Status { get; set; }

        [StringLength(EntryRules.ShortTextLength, ErrorMessage = "The epigraph is too long: at most 2,000 characters.")]
        [Display(Name = "Epigraph (the quote at the top)")]
        public string? QuoteText { get; set; }

        [StringLength(EntryRules.NameLength, ErrorMessage = "The speaker's name is too long: at most 200 characters.")]
        [Display(Name = "Epigraph spoken by")]
        public string? QuoteSpeaker { get; set; }

        [StringLength(EntryRules.NameLength, ErrorMessage = "The episode title is too long: at most 200 characters.")]
        [Display(Name = "Epigraph from the episode")]
        public string? QuoteEpisode { get; set; }

        [Required(ErrorMessage = "The intro cannot be empty.")]
        [StringLength(EntryRules.TextLength, ErrorMessage = "The intro is too long: at most 20,000 characters.")]
        [Display(Name = "Intro (Markdown, with [[wiki links]])")]
        public string Intro { get; set; } = "";

        [StringLength(EntryRules.TextLength, ErrorMessage = "The note is too long: at most 20,000 characters.")]
        [Display(Name = "Behind the scenes (Markdown, with [[wiki links]])")]
        public string? BehindTheScenes { get; set; }

        [StringLength(EntryRules.FootnoteLength, ErrorMessage = "The footnote marker is too long: at most 20 characters.")]
        [Display(Name = "Footnote marker after the note (for example 1, shown as [1])")]
        public string? Footnote { get; set; }

        [Required(ErrorMessage = "Name the members, one per line.")]
        [StringLength(EntryRules.ListLength, ErrorMessage = "The member list is too long: at most 2,000 characters.")]
        [Display(Name = "Members (character names, one per line)")]
        public string Members { get; set; } = "";

        [StringLength(EntryRules.SummaryLength, ErrorMessage = "The summary is too long: at most 500 characters.")]
        [Display(Name = "Edit summary (optional)")]
        public string? Summary { get; set; }

        [Range(0, int.MaxValue)]
        public int BaseRevision { get; set; }
    }
}
