using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JimPam.Wiki.Pages.Admin;

/// <summary>The editors' home. Everything under /admin needs a logged-in editor (a folder convention in WikiWeb).</summary>
public class IndexModel : PageModel
{
    public string EditorName => User.Identity?.Name ?? "";

    public void OnGet()
    {
    }
}
