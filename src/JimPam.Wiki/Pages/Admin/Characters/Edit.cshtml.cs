using System.ComponentModel.DataAnnotations;
using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Admin.Characters;

/// <summary>
/// Creates a character (/admin/characters/new) or edits one, through <see cref="EntryWriter"/>: a changed address
/// keeps the old one as a redirect, a changed name stays as an alias, and links and mentions in every body follow.
/// </summary>
public class EditModel(WikiDbContext db, EntryWriter writer, ILogger<EditModel> logger) : EntryFormModel<EditModel.CharacterForm>(db, logger)
{
    public int? Id { get; private set; }

    public string? CurrentName { get; private set; }

    public bool Deleted { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, [FromQuery] string? name, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            // "Create this page" from a broken link arrives with the name it linked to.
            Form = new CharacterForm { Name = name ?? "" };
            return Page();
        }

        var character = await Db.Characters.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Name, c.Slug, c.FullName, c.Actor, Aliases = c.Aliases.Select(a => a.Name).ToList(), c.Revision, c.Deleted })
            .FirstOrDefaultAsync(cancellationToken);
        if (character is null)
        {
            return NotFound();
        }

        (Id, CurrentName, Deleted) = (id, character.Name, character.Deleted);
        Form = new CharacterForm
        {
            Name = character.Name,
            Slug = character.Slug,
            FullName = character.FullName,
            Actor = character.Actor,
            Aliases = string.Join("\n", character.Aliases.Order(StringComparer.Ordinal)),
            BaseRevision = character.Revision,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            CurrentName = await Db.Characters.Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
            if (CurrentName is null)
            {
                return NotFound();
            }
        }

        Id = id;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var fields = new CharacterSnapshot(Form.Name, Form.Slug ?? "", Form.FullName, Form.Actor, EntryForms.Lines(Form.Aliases));
        var result = await writer.SaveCharacterAsync(id, Form.BaseRevision, fields, Editor, Form.Summary ?? "", cancellationToken);
        return await AnswerAsync(result, Revision.CharacterType, id, fields, saved => RedirectToPage("/Characters/Character", new { slug = saved.Slug }), cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (!await Db.Characters.AnyAsync(x => x.Id == id, cancellationToken))
        {
            return NotFound();
        }

        var result = await writer.DeleteCharacterAsync(id, Form.BaseRevision, Editor, Form.Summary ?? "", cancellationToken);
        return await AnswerDeleteAsync(result, Revision.CharacterType, id, () => OnGetAsync(id, null, cancellationToken));
    }

    public sealed class CharacterForm : IEntryForm
    {
        [Required(ErrorMessage = "Give the character a name.")]
        [StringLength(EntryRules.NameLength, ErrorMessage = "The name is too long: at most 200 characters.")]
        public string Name { get; set; } = "";

        [StringLength(EntryRules.NameLength, ErrorMessage = "The address is too long: at most 200 characters.")]
        [Display(Name = "Address (leave empty to make it from the name)")]
        public string? Slug { get; set; }

        [StringLength(EntryRules.NameLength, ErrorMessage = "The full name is too long: at most 200 characters.")]
        [Display(Name = "Full name")]
        public string? FullName { get; set; }

        [StringLength(EntryRules.NameLength, ErrorMessage = "The actor's name is too long: at most 200 characters.")]
        [Display(Name = "Played by")]
        public string? Actor { get; set; }

        [StringLength(EntryRules.ListLength, ErrorMessage = "The other names are too long: at most 2,000 characters.")]
        [Display(Name = "Other names (one per line)")]
        public string? Aliases { get; set; }

        [StringLength(EntryRules.SummaryLength, ErrorMessage = "The summary is too long: at most 500 characters.")]
        [Display(Name = "Edit summary (optional)")]
        public string? Summary { get; set; }

        [Range(0, int.MaxValue)]
        public int BaseRevision { get; set; }
    }
}
