using JimPam.Wiki.Caching;
using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace JimPam.Wiki.Pages.Characters;

/// <summary>A character: names, actor, and the events that mention them, by season.</summary>
[OutputCache(PolicyName = WikiPagePolicy.Name)]
public class CharacterModel(WikiDbContext db) : PageModel
{
    public CharacterRead? Character { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var shield = SpoilerShield.Of(HttpContext);

        Character = await CharacterRead.LoadAsync(db, slug, shield, withMarkdown: false, cancellationToken);
        if (Character is null)
        {
            // Another spelling of the slug ("Café-Disco" for "cafe-disco"), or an address the entry had before an editor
            // changed it, answers with a permanent redirect to the current one, query kept, as the API does.
            return await RetiredSlugs.WhereNowAsync(db, Revision.CharacterType, slug, cancellationToken) is { } moved
                ? this.RedirectToCanonical("/Characters/Character", new { slug = moved }) ?? NotFound()
                : NotFound();
        }

        if (this.RedirectToCanonical("/Characters/Character", new { slug = Character.Slug }) is { } redirect)
        {
            return redirect;
        }

        HttpContext.Tag(Character.Tags);
        return Page();
    }
}
