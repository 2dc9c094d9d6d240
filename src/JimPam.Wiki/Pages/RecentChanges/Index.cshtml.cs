using JimPam.Wiki.Caching;
using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace JimPam.Wiki.Pages.RecentChanges;

/// <summary>The latest edits across the wiki, with links to each change and each entry's history.</summary>
[OutputCache(PolicyName = WikiPagePolicy.Name)]
public class IndexModel(WikiDbContext db) : PageModel
{
    public const int Count = RecentChangesQuery.Shown;

    public IReadOnlyList<RecentChangesQuery.Change> Changes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        HttpContext.Tag(CacheTags.Changes);
        Changes = await RecentChangesQuery.LoadAsync(db, Count, cancellationToken);
    }
}
