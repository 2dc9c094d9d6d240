using JimPam.Wiki.Data;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Admin;

/// <summary>The editors' home: every episode and character with its edit link. Everything under /admin needs a logged-in editor (a folder convention in WikiWeb).</summary>
public class IndexModel(WikiDbContext db) : PageModel
{
    public string EditorName => User.Identity?.Name ?? "";

    public IReadOnlyList<EpisodeRow> Episodes { get; private set; } = [];

    public IReadOnlyList<CharacterRow> Characters { get; private set; } = [];

    public int DeletedParagraphs { get; private set; }

    public IReadOnlyList<RelationshipRow> Relationships { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Episodes = await db.Episodes.AsNoTracking()
            .InBroadcastOrder()
            .Select(e => new EpisodeRow(e.Id, e.Title, e.Slug, e.Season.Number, e.NumberInSeason, e.Deleted))
            .ToListAsync(cancellationToken);
        Characters = await db.Characters.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new CharacterRow(c.Id, c.Name, c.Slug, c.Deleted))
            .ToListAsync(cancellationToken);
        DeletedParagraphs = await db.Events.CountAsync(e => e.Deleted, cancellationToken);
        var first = await db.FirstRelationshipIdAsync(cancellationToken);
        Relationships = await db.Relationships.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new RelationshipRow(r.Id, r.Title, WikiDbContext.AddressValue(r.Id == first, r.Slug)))
            .ToListAsync(cancellationToken);
    }

    public sealed record EpisodeRow(int Id, string Title, string Slug, int Season, int Number, bool Deleted);

    /// <summary>A relationship with its article; <paramref name="Slug"/> is null for the wiki's first relationship (its article is the home page).</summary>
    public sealed record RelationshipRow(int Id, string Title, string? Slug);

    public sealed record CharacterRow(int Id, string Name, string Slug, bool Deleted);
}
