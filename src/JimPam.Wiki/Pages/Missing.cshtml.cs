using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JimPam.Wiki.Pages;

/// <summary>Where a broken wiki link leads: a 404 that names the missing title, as MediaWiki's red links do.</summary>
public class MissingModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Title { get; set; } = "";

    public void OnGet() => Response.StatusCode = StatusCodes.Status404NotFound;
}
