using JimPam.Wiki.Data;
using JimPam.Wiki.Pages.Admin.Events;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Admin.Media;

/// <summary>
/// The wiki's pictures: each with its size, who uploaded it and when, and the figures that show it; and a form that
/// adds a new figure with a picture to any season (it posts to the new-part form, which checks and saves it).
/// </summary>
public class IndexModel(WikiDbContext db) : PageModel
{
    public IReadOnlyList<Item> Pictures { get; private set; } = [];

    /// <summary>The upload form's starting values.</summary>
    public NewModel.NewEventForm Form { get; } = new() { Kind = EventKind.Figure, Position = 999 };

    public IReadOnlyList<int> Seasons { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var images = await db.Images.AsNoTracking().OrderByDescending(i => i.Id)
            .Select(i => new { i.Id, i.Width, i.Height, i.Length, i.Original, i.VariantsJson, i.UploadedBy, i.UploadedAt })
            .ToListAsync(cancellationToken);
        var uses = (await db.Events.AsNoTracking().Where(e => e.ImageId != null && !e.Deleted)
                .OrderBy(e => e.Season.Number).ThenBy(e => e.Order)
                .Select(e => new { ImageId = e.ImageId!.Value, e.Id, Season = e.Season.Number, e.Order, e.ImageAlt, e.ImageCredit })
                .ToListAsync(cancellationToken))
            .ToLookup(u => u.ImageId);
        Pictures = [.. images.Select(i => new Item(
            i.Id,
            FigurePicture.Of(i.Id, i.Width, i.Height, uses[i.Id].Select(u => u.ImageAlt).FirstOrDefault() ?? $"Picture {i.Id}, which no figure shows", null, i.Original, i.VariantsJson)!,
            i.Length,
            i.UploadedBy,
            i.UploadedAt,
            [.. uses[i.Id].Select(u => new Use(u.Id, u.Season, u.Order))]))];
        Seasons = await db.Seasons.AsNoTracking().OrderBy(s => s.Number).Select(s => s.Number).ToListAsync(cancellationToken);
    }

    public sealed record Item(int Id, FigurePicture Picture, long Length, string UploadedBy, DateTimeOffset UploadedAt, IReadOnlyList<Use> UsedBy);

    public sealed record Use(int EventId, int Season, int Order);
}
