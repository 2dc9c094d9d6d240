using System.ComponentModel.DataAnnotations;
using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Media;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace JimPam.Wiki.Pages.Admin.Events;

/// <summary>Adds a paragraph or an image caption to a season, at the place the editor picks, through <see cref="EntryWriter"/>.</summary>
public class NewModel(WikiDbContext db, EntryWriter writer, WikiAddresses addresses, PreviewRenderer renderer, ImageLibrary images, ILogger<NewModel> logger)
    : EntryFormModel<NewModel.NewEventForm>(db, logger)
{
    public IHtmlContent? Preview { get; private set; }

    public IReadOnlyList<string> BrokenLinks { get; private set; } = [];

    /// <summary>The relationships whose story a part can join.</summary>
    public IReadOnlyList<(int Id, string Title)> Relationships { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] int? season, [FromQuery] int? relationship, [FromQuery] EventKind? kind, CancellationToken cancellationToken)
    {
        Form = new NewEventForm { Season = season ?? 1, Position = 999, RelationshipId = relationship, Kind = kind ?? EventKind.Paragraph };
        await LoadChoicesAsync(cancellationToken);
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        await Form.Milestone.SuggestAsync(Db, cancellationToken);
        Relationships = await EntryForms.RelationshipsAsync(Db, cancellationToken);
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        await ReceiveImageAsync(cancellationToken);
        if (ModelState.IsValid)
        {
            var rendered = await renderer.RenderAsync(Form.Body, Form.Kind == EventKind.Figure, cancellationToken);
            (Preview, BrokenLinks) = (new HtmlString(rendered.Html), rendered.Analysis.BrokenLinks);
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        await ReceiveImageAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var imageSlot = string.IsNullOrWhiteSpace(Form.ImageSlot) ? null : Form.ImageSlot.Trim();
        var draft = new EventDraft(new EventPlace(Form.Season, Form.Position), Form.Kind, imageSlot, Form.Body, Form.Summary ?? "", Form.Milestone.ToMilestone(), Form.RelationshipId, Form.Image.ToImage());
        var result = await writer.CreateEventAsync(draft, Editor, cancellationToken);
        return await AnswerAsync(result, Revision.EventType, null, draft, async saved =>
            Redirect(addresses.Event(Form.Season, await SeasonRead.RelationshipOfEventAsync(Db, saved.Id, cancellationToken), saved.Id)), cancellationToken);
    }

    /// <summary>An upload, taken into the media whatever else the form says, so a form shown again keeps it.</summary>
    private async Task ReceiveImageAsync(CancellationToken cancellationToken)
    {
        await Form.Image.ReceiveAsync(images, ModelState, $"{nameof(Form)}.{nameof(NewEventForm.Image)}", Editor, cancellationToken);
        await Form.Image.LoadCurrentAsync(Db, cancellationToken);
        var empty = Form.Kind == EventKind.Paragraph || (Form.Image.ImageId is null && string.IsNullOrWhiteSpace(Form.ImageSlot));
        if (empty && string.IsNullOrWhiteSpace(Form.Body) && ModelState.GetFieldValidationState($"{nameof(Form)}.{nameof(NewEventForm.Image)}.{nameof(ImageFields.File)}") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(NewEventForm.Body)}", "Write the text of the new paragraph or caption.");
        }
    }

    public sealed class NewEventForm : IEntryForm
    {
        /// <summary>A new part starts the history: there is no revision to start from.</summary>
        public int BaseRevision { get; set; }

        [Range(1, 99, ErrorMessage = "The season is a number from 1 to 99.")]
        public int Season { get; set; } = 1;

        [Range(1, 999, ErrorMessage = "The place is a number from 1 (first) to 999.")]
        [Display(Name = "Place in the season (1 is first; 999 puts it last)")]
        public int Position { get; set; } = 999;

        [Display(Name = "Kind")]
        public EventKind Kind { get; set; } = EventKind.Paragraph;

        [StringLength(EntryRules.NameLength, ErrorMessage = "The image name is too long: at most 200 characters.")]
        [Display(Name = "Image name (for an image caption)")]
        public string? ImageSlot { get; set; }

        // Required of a paragraph, and of a figure with neither a picture nor a slot (checked by the page).
        [DisplayFormat(ConvertEmptyStringToNull = false)]
        [StringLength(EditModel.MaxBodyLength, ErrorMessage = "The text is too long: at most 20,000 characters.")]
        [Display(Name = "Text (Markdown, with [[wiki links]])")]
        public string Body { get; set; } = "";

        [StringLength(EntryRules.SummaryLength, ErrorMessage = "The summary is too long: at most 500 characters.")]
        [Display(Name = "Edit summary (optional)")]
        public string? Summary { get; set; }

        public MilestoneFields Milestone { get; set; } = new();

        public ImageFields Image { get; set; } = new();

        /// <summary>The relationship whose story the part joins (empty: the wiki's first).</summary>
        [Display(Name = "Whose story")]
        public int? RelationshipId { get; set; }
    }
}
