using System.ComponentModel.DataAnnotations;
using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Admin.Jokes;

/// <summary>Adds a recurring joke (/admin/jokes/new), or edits or deletes one, through <see cref="EntryWriter"/>.</summary>
public class EditModel(WikiDbContext db, EntryWriter writer, PreviewRenderer renderer, ILogger<EditModel> logger) : EntryFormModel<EditModel.JokeForm>(db, logger)
{
    public int? Id { get; private set; }

    public bool Deleted { get; private set; }

    public IHtmlContent? Preview { get; private set; }

    public IReadOnlyList<string> BrokenLinks { get; private set; } = [];

    /// <summary>The relationships a new joke can belong to (a joke stays with its relationship).</summary>
    public IReadOnlyList<(int Id, string Title)> Relationships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, [FromQuery] int? relationship, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            Form = new JokeForm { RelationshipId = relationship };
            await LoadRelationshipsAsync(cancellationToken);
            return Page();
        }

        if (await FindAsync(id.Value, cancellationToken) is not { } joke)
        {
            return NotFound();
        }

        Form = new JokeForm { Body = joke.BodyMarkdown, BaseRevision = joke.Revision, Position = joke.Order };
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is { } existing && await FindAsync(existing, cancellationToken) is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var rendered = await renderer.RenderAsync(Form.Body, inline: true, cancellationToken);
            (Preview, BrokenLinks) = (new HtmlString(rendered.Html), rendered.Analysis.BrokenLinks);
        }

        await LoadRelationshipsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is { } existing && await FindAsync(existing, cancellationToken) is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await LoadRelationshipsAsync(cancellationToken);
            return Page();
        }

        var fields = new JokeSnapshot(Form.Body, Position: Form.Position, RelationshipId: id is null ? Form.RelationshipId : null);
        return await HandleAsync(id, await writer.SaveJokeAsync(id, Form.BaseRevision, fields, Editor, Form.Summary ?? "", cancellationToken), fields, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        return await HandleAsync(id, await writer.DeleteJokeAsync(id, Form.BaseRevision, Editor, Form.Summary ?? "", cancellationToken), new JokeSnapshot(Form.Body, true), cancellationToken);
    }

    private Task<IActionResult> HandleAsync(int? id, EntrySaveResult result, JokeSnapshot fields, CancellationToken cancellationToken) =>
        AnswerAsync(result, Revision.JokeType, id, fields, saved => RedirectToPage("/History/Entry", new { type = Revision.JokeType, id = saved.Id }), cancellationToken);

    private async Task LoadRelationshipsAsync(CancellationToken cancellationToken)
    {
        if (Id is null)
        {
            Relationships = await EntryForms.RelationshipsAsync(Db, cancellationToken);
        }
    }

    private async Task<Found?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var joke = await Db.Jokes.AsNoTracking().Where(j => j.Id == id).Select(j => new Found(j.BodyMarkdown, j.Revision, j.Deleted, j.Order)).FirstOrDefaultAsync(cancellationToken);
        (Id, Deleted) = (id, joke?.Deleted ?? false);
        return joke;
    }

    private sealed record Found(string BodyMarkdown, int Revision, bool Deleted, int Order);

    public sealed class JokeForm : IEntryForm
    {
        [Required(ErrorMessage = "The joke cannot be empty; to remove it, delete it instead.")]
        [StringLength(EntryRules.JokeLength, ErrorMessage = "The joke is too long: at most 4,000 characters.")]
        [Display(Name = "Text (Markdown, with [[wiki links]])")]
        public string Body { get; set; } = "";

        [StringLength(EntryRules.SummaryLength, ErrorMessage = "The summary is too long: at most 500 characters.")]
        [Display(Name = "Edit summary (optional)")]
        public string? Summary { get; set; }

        [Range(1, 999, ErrorMessage = "The place is a number from 1 (first) to 999.")]
        [Display(Name = "Place in the list (1 is first; 999 puts it last)")]
        public int Position { get; set; } = 999;

        [Range(0, int.MaxValue)]
        public int BaseRevision { get; set; }

        /// <summary>For a new joke: the relationship whose list it joins (empty: the wiki's first).</summary>
        [Display(Name = "Whose jokes")]
        public int? RelationshipId { get; set; }
    }
}
