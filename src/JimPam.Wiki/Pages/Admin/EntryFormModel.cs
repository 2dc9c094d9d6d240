using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using JimPam.Wiki.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JimPam.Wiki.Pages.Admin;

/// <summary>A form that edits one entry from a known revision.</summary>
public interface IEntryForm
{
    /// <summary>The revision the form was loaded from; a save from an older one is merged or refused.</summary>
    int BaseRevision { get; set; }
}

/// <summary>
/// What the forms that save through <see cref="EntryWriter"/> share: their bound form, and the one way they answer the
/// writer's result (go on when saved, show an error next to its field, or show the conflict with the editor's values kept).
/// </summary>
public abstract class EntryFormModel<TForm>(WikiDbContext db, ILogger logger) : PageModel
    where TForm : class, IEntryForm, new()
{
    [BindProperty]
    public TForm Form { get; set; } = new();

    public EntryConflict? Conflict { get; private set; }

    protected WikiDbContext Db { get; } = db;

    protected ILogger Log { get; } = logger;

    protected string Editor => User.Identity?.Name ?? "";

    protected Task<IActionResult> AnswerAsync<TSnapshot>(
        EntrySaveResult result, string type, int? id, TSnapshot fields, Func<EntrySaveResult.Saved, IActionResult> saved, CancellationToken cancellationToken)
        where TSnapshot : class =>
        AnswerAsync(result, type, id, fields, done => Task.FromResult(saved(done)), cancellationToken);

    protected Task<IActionResult> AnswerAsync<TSnapshot>(
        EntrySaveResult result, string type, int? id, TSnapshot fields, Func<EntrySaveResult.Saved, Task<IActionResult>> saved, CancellationToken cancellationToken)
        where TSnapshot : class =>
        AnswerAsync(result, type, id, conflict => EntryForms.ConflictAsync(Db, type, id!.Value, conflict, fields, cancellationToken), saved);

    /// <summary>
    /// The answer, with the conflict described by <paramref name="describe"/> (an entry that is one text shows that
    /// text); <paramref name="saved"/> gives where to go once saved (it may read where the entry now is).
    /// </summary>
    protected async Task<IActionResult> AnswerAsync(
        EntrySaveResult result, string type, int? id, Func<EntrySaveResult.Conflict, Task<EntryConflict>> describe, Func<EntrySaveResult.Saved, Task<IActionResult>> saved)
    {
        HttpContext.RequestServices.GetRequiredService<WikiMetrics>().Save(type, result);
        switch (result)
        {
            case EntrySaveResult.Saved done:
                Log.LogInformation("Editor {Editor} saved {EntityType} {EntityId} as revision {Revision}, merged with {MergedWith}", Editor, type, done.Id, done.Revision, done.MergedWith);
                return await saved(done);
            case EntrySaveResult.Invalid invalid:
                ModelState.AddModelError($"{nameof(Form)}.{invalid.Field}", invalid.Message);
                return Page();
            case EntrySaveResult.Conflict conflict when id is { } existing:
                Log.LogInformation("Editor {Editor} met an edit conflict on {EntityType} {EntityId}: base {Base}, current {Current}", Editor, type, existing, Form.BaseRevision, conflict.CurrentRevision);
                Conflict = await describe(conflict);

                // The editor has now seen the current values: a second save, on purpose, starts from them.
                ModelState.Remove($"{nameof(Form)}.{nameof(IEntryForm.BaseRevision)}");
                Form.BaseRevision = conflict.CurrentRevision;
                return Page();
            default:
                return NotFound();
        }
    }

    /// <summary>
    /// Answers a delete: on to the entry's history when it is done; otherwise the form again, reloaded with the
    /// current values by <paramref name="reload"/>, and the reason above it.
    /// </summary>
    protected async Task<IActionResult> AnswerDeleteAsync(EntrySaveResult result, string type, int id, Func<Task> reload, string what = "entry")
    {
        HttpContext.RequestServices.GetRequiredService<WikiMetrics>().Save(type, result);
        if (result is EntrySaveResult.Saved saved)
        {
            Log.LogInformation("Editor {Editor} deleted {EntityType} {EntityId} as revision {Revision}", Editor, type, id, saved.Revision);
            return RedirectToPage("/History/Entry", new { type, id });
        }

        ModelState.Clear();
        await reload();
        ModelState.AddModelError(string.Empty, result is EntrySaveResult.Invalid invalid
            ? invalid.Message
            : $"Nothing was deleted: someone saved this {what} after you opened it. Here are the current values; look at them before you decide again.");
        return Page();
    }
}
