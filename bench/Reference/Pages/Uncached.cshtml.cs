using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Bench.Reference.Pages;

/// <summary>About 25 KB of HTML from one EF Core query, rendered on every request.</summary>
public class UncachedModel(ReferenceDb db) : PageModel
{
    public IReadOnlyList<Paragraph> Paragraphs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Paragraphs = await db.Paragraphs.AsNoTracking().OrderBy(p => p.Id).Take(27).ToListAsync(cancellationToken);
}
