using JimPam.Wiki.Content;
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

        // "Café-Disco" and "cafe-disco" are one address: a spelling that is not the slug is looked up as its slug.
        var canonical = Slug.From(slug);
        Character = await CharacterRead.LoadAsync(db, slug, shield, withMarkdown: false, cancellationToken)
            ?? (canonical == slug ? null : await CharacterRead.LoadAsync(db, canonical, shield, withMarkdown: false, cancellationToken));
        if (Character is null)
        {
            // An address the entry had before an editor changed it answers with a permanent redirect to the current one.
            return await RetiredSlugs.CurrentSlugAsync(db, Revision.CharacterType, canonical, cancellationToken) is { } moved
                ? RedirectToPagePermanent("/Characters/Character", new { slug = moved })
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
