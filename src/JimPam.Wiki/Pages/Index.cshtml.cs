using JimPam.Wiki.Caching;
using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace JimPam.Wiki.Pages;

/// <summary>The relationship article: epigraph, infobox, intro, season cards and behind the scenes.</summary>
[OutputCache(PolicyName = WikiPagePolicy.Name)]
public class IndexModel(WikiDbContext db) : PageModel
{
    public ArticleRead? Article { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        Article = await ArticleRead.LoadAsync(db, slug, SpoilerShield.Of(HttpContext), cancellationToken);
        if (Article is null)
        {
            return NotFound();
        }

        // The first relationship's article lives at the site's root; the others at their own address.
        if (slug is not null && Article.Relationship is null)
        {
            return RedirectToPagePermanent("/Index");
        }

        if (this.RedirectToCanonical(slug is null ? "/Index" : "/Relationships/Article", slug is null ? null : new { slug = Article.Slug }) is { } redirect)
        {
            return redirect;
        }

        HttpContext.Tag(Article.Tags);
        return Page();
    }
}
