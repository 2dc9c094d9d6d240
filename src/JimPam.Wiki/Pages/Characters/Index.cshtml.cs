using JimPam.Wiki.Caching;
using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace JimPam.Wiki.Pages.Characters;

[OutputCache(PolicyName = WikiPagePolicy.Name)]
public class IndexModel(WikiDbContext db) : PageModel
{
    public IReadOnlyList<CharacterListRead.Item> Characters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (this.RedirectToCanonical("/Characters/Index") is { } redirect)
        {
            return redirect;
        }

        var list = await CharacterListRead.LoadAsync(db, cancellationToken);
        HttpContext.Tag(list.Tags);
        Characters = list.Characters;
        return Page();
    }
}
