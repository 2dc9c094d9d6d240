using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Characters;

[OutputCache(PolicyName = WikiPagePolicy.Name)]
public class IndexModel(WikiDbContext db) : PageModel
{
    public IReadOnlyList<CharacterRow> Characters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (this.RedirectToCanonical("/Characters/Index") is { } redirect)
        {
            return redirect;
        }

        Characters = await db.Characters.AsNoTracking()
            .Where(c => !c.Deleted)
            .OrderByDescending(c => db.EventMentions.Count(m => m.CharacterId == c.Id)).ThenBy(c => c.Name)
            .Select(c => new CharacterRow(c.Name, c.Slug, c.Actor, db.EventMentions.Count(m => m.CharacterId == c.Id)))
            .ToListAsync(cancellationToken);
        HttpContext.Tag(CacheTags.CharacterList, CacheTags.MentionCounts);
        return Page();
    }

    public sealed record CharacterRow(string Name, string Slug, string? Actor, int Mentions);
}
