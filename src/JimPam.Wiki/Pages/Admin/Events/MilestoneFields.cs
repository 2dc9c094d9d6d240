using System.ComponentModel.DataAnnotations;
using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Admin.Events;

/// <summary>
/// The milestone part of the event forms: a label, the status from then on, and the episode it happens in, typed as
/// its title (or any other spelling the catalogue knows). Shown by <c>_MilestoneFields.cshtml</c>.
/// </summary>
public sealed class MilestoneFields
{
    [StringLength(RelationshipEvent.MilestoneMaxLength, ErrorMessage = "The milestone is too long: at most 80 characters.")]
    [Display(Name = "Milestone (optional), such as “First kiss”")]
    public string? Label { get; set; }

    [StringLength(RelationshipEvent.StatusMaxLength, ErrorMessage = "The status is too long: at most 40 characters.")]
    [Display(Name = "Status from then on (optional), such as “Dating”")]
    public string? Status { get; set; }

    [StringLength(EntryRules.NameLength, ErrorMessage = "The episode title is too long: at most 200 characters.")]
    [Display(Name = "Episode it happens in (leave empty if the text does not say)")]
    public string? Episode { get; set; }

    /// <summary>The statuses already in use, offered as suggestions so the same status is spelled the same way.</summary>
    [BindNever]
    public IReadOnlyList<string> KnownStatuses { get; set; } = [];

    /// <summary>The fields of an event as it is now, with the episode's title.</summary>
    public static async Task<MilestoneFields> OfAsync(WikiDbContext db, int eventId, CancellationToken cancellationToken) =>
        await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new MilestoneFields { Label = e.Milestone, Status = e.MilestoneStatus, Episode = e.MilestoneEpisode == null ? null : e.MilestoneEpisode.Title })
            .FirstOrDefaultAsync(cancellationToken) ?? new MilestoneFields();

    public async Task SuggestAsync(WikiDbContext db, CancellationToken cancellationToken) =>
        KnownStatuses = await db.Events.AsNoTracking().Where(e => e.MilestoneStatus != null && !e.Deleted)
            .Select(e => e.MilestoneStatus!).Distinct().OrderBy(s => s).ToListAsync(cancellationToken);

    /// <summary>The milestone as typed; the writer checks it (a label for a status or an episode, an episode the catalogue knows).</summary>
    public EventMilestone ToMilestone() => new(Label, Status, null, Episode);
}
