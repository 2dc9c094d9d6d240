using JimPam.Wiki.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JimPam.Wiki.Pages.RecentChanges;

/// <summary>The latest edits across the wiki, with links to each change and each entry's history.</summary>
public class IndexModel(WikiDbContext db) : PageModel
{
    public const int Count = 100;

    public IReadOnlyList<RecentChangesQuery.Change> Changes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Changes = await RecentChangesQuery.LoadAsync(db, Count, cancellationToken);
}
