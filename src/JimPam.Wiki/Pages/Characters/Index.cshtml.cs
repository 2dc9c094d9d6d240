using JimPam.Wiki.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Characters;

public class IndexModel(WikiDbContext db) : PageModel
{
    public IReadOnlyList<CharacterRow> Characters { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Characters = await db.Characters.AsNoTracking()
            .OrderByDescending(c => db.EventMentions.Count(m => m.CharacterId == c.Id)).ThenBy(c => c.Name)
            .Select(c => new CharacterRow(c.Name, c.Slug, c.Actor, db.EventMentions.Count(m => m.CharacterId == c.Id)))
            .ToListAsync(cancellationToken);

    public sealed record CharacterRow(string Name, string Slug, string? Actor, int Mentions);
}
