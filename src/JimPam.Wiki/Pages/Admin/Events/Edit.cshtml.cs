using System.ComponentModel.DataAnnotations;
using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Media;
using JimPam.Wiki.Pages.History;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Admin.Events;

/// <summary>
/// Edits one paragraph or caption of a season. Preview renders on the server exactly as the season page
/// will; saving goes through <see cref="EntryWriter"/>, which refuses a save whose base revision is stale,
/// and then this page shows the current text beside the editor's own, which is kept intact.
/// </summary>
public class EditModel(WikiDbContext db, EntryWriter writer, WikiAddresses addresses, PreviewRenderer renderer, ImageLibrary images, ILogger<EditModel> logger)
    : EntryFormModel<EditModel.EventForm>(db, logger)
{
    public const int MaxBodyLength = EntryRules.TextLength;

    public EventContext? Event { get; private set; }

    public IHtmlContent? Preview { get; private set; }

    public IReadOnlyList<string> BrokenLinks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } current)
        {
            return NotFound();
        }

        Form = new EventForm
        {
            Body = current.BodyMarkdown, BaseRevision = current.Revision, Season = current.Season, Position = current.Order,
            Milestone = await MilestoneFields.OfAsync(Db, id, cancellationToken),
            Image = await ImageFields.OfAsync(Db, id, cancellationToken),
        };
        await Form.Milestone.SuggestAsync(Db, cancellationToken);
        await Form.Image.LoadCurrentAsync(Db, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        await ReceiveImageAsync(cancellationToken);
        if (ModelState.IsValid)
        {
            await RenderPreviewAsync(cancellationToken);
        }

        await Form.Milestone.SuggestAsync(Db, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        await Form.Milestone.SuggestAsync(Db, cancellationToken);
        await ReceiveImageAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var milestone = Form.Milestone.ToMilestone();
        var image = Event!.Kind == EventKind.Figure ? Form.Image.ToImage() : null;
        var edit = new EventEdit(id, Form.BaseRevision, Form.Body, Form.Summary ?? "", new EventPlace(Form.Season, Form.Position), milestone, image);
        var result = await writer.SaveEventAsync(edit, Editor, cancellationToken);
        return await AnswerAsync(result, Revision.EventType, id, async conflict =>
        {
            // An event is one text: the conflict shows the text saved since, as readers see it, and how the editor's differs.
            var now = await Db.Events.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.BodyMarkdown, e.Deleted }).SingleAsync(cancellationToken);
            return new EntryConflict(
                conflict.CurrentRevision,
                conflict.CurrentAuthor,
                [new EntryHistory.FieldDiff("Your text against it", RevisionDiff.Words(now.BodyMarkdown, Form.Body.ReplaceLineEndings("\n").TrimEnd()))],
                Event!.What,
                now.Deleted,
                new CurrentText(await RenderAsync(now.BodyMarkdown, cancellationToken), now.BodyMarkdown));
        }, async saved => Redirect(addresses.Event(Form.Season, await SeasonRead.RelationshipOfEventAsync(Db, id, cancellationToken), id)));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        // Only the base revision matters to a delete; the text fields may be anything, so their errors do not stop it.
        var result = await writer.DeleteEventAsync(id, Form.BaseRevision, Editor, Form.Summary ?? "", cancellationToken);
        return await AnswerDeleteAsync(result, Revision.EventType, id, async () =>
        {
            Event = await LoadAsync(id, cancellationToken);
            Form = new EventForm
            {
                Body = Event!.BodyMarkdown, BaseRevision = Event.Revision, Season = Event.Season, Position = Event.Order,
                Milestone = await MilestoneFields.OfAsync(Db, id, cancellationToken),
                Image = await ImageFields.OfAsync(Db, id, cancellationToken),
            };
            await Form.Milestone.SuggestAsync(Db, cancellationToken);
            await Form.Image.LoadCurrentAsync(Db, cancellationToken);
        }, Event!.What);
    }

    private async Task<EventContext?> LoadAsync(int id, CancellationToken cancellationToken) =>
        Event = await Db.Events.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new EventContext(e.Id, e.Season.Number, e.Order, e.Kind, e.ImageSlot, e.BodyMarkdown, e.Revision, e.Deleted))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// A figure's upload, taken into the media whatever else the form says, so a form shown again keeps it; and the text
    /// a paragraph cannot be without.
    /// </summary>
    private async Task ReceiveImageAsync(CancellationToken cancellationToken)
    {
        if (Event!.Kind == EventKind.Paragraph && string.IsNullOrWhiteSpace(Form.Body))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(EventForm.Body)}", "The text cannot be empty; to remove a paragraph, delete it instead.");
        }

        if (Event!.Kind == EventKind.Figure)
        {
            await Form.Image.ReceiveAsync(images, ModelState, $"{nameof(Form)}.{nameof(EventForm.Image)}", Editor, cancellationToken);
            await Form.Image.LoadCurrentAsync(Db, cancellationToken);
        }
    }

    private async Task RenderPreviewAsync(CancellationToken cancellationToken)
    {
        var rendered = await renderer.RenderAsync(Form.Body, Event!.Kind == EventKind.Figure, cancellationToken);
        (Preview, BrokenLinks) = (new HtmlString(rendered.Html), rendered.Analysis.BrokenLinks);
    }

    private async Task<IHtmlContent> RenderAsync(string body, CancellationToken cancellationToken) =>
        new HtmlString((await renderer.RenderAsync(body, Event!.Kind == EventKind.Figure, cancellationToken)).Html);

    /// <summary>The event as it is now: where it sits, and its current text and revision.</summary>
    public sealed record EventContext(int Id, int Season, int Order, EventKind Kind, string? ImageSlot, string BodyMarkdown, int Revision, bool Deleted)
    {
        /// <summary>What the editor calls it: a paragraph, or a figure (a picture or its slot, and its caption).</summary>
        public string What => Kind == EventKind.Figure ? "figure" : "paragraph";
    }

    public sealed class EventForm : IEntryForm
    {
        // Required of a paragraph (checked by the page, which knows the kind); a figure's caption may be empty.
        [DisplayFormat(ConvertEmptyStringToNull = false)]
        [StringLength(MaxBodyLength, ErrorMessage = "The text is too long: at most 20,000 characters.")]
        [Display(Name = "Text (Markdown, with [[wiki links]])")]
        public string Body { get; set; } = "";

        [StringLength(EntryRules.SummaryLength, ErrorMessage = "The summary is too long: at most 500 characters.")]
        [Display(Name = "Edit summary (optional)")]
        public string? Summary { get; set; }

        [Range(1, 99, ErrorMessage = "The season is a number from 1 to 99.")]
        public int Season { get; set; }

        [Range(1, 999, ErrorMessage = "The place is a number from 1 (first) to 999.")]
        [Display(Name = "Place in the season (1 is first)")]
        public int Position { get; set; }

        [Range(0, int.MaxValue)]
        public int BaseRevision { get; set; }

        public MilestoneFields Milestone { get; set; } = new();

        public ImageFields Image { get; set; } = new();
    }
}
