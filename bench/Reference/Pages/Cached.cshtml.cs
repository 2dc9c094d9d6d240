using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace JimPam.Bench.Reference.Pages;

/// <summary>Writes the saved bytes of a wiki page (Reference:Pages folder), behind the output cache.</summary>
[OutputCache(Duration = 3600)]
public class CachedModel(IConfiguration configuration) : PageModel
{
    public string Body { get; private set; } = "";

    public IActionResult OnGet(string name)
    {
        var path = Path.Combine(configuration["Reference:Pages"] ?? "pages", Path.GetFileName(name) + ".html");
        if (!System.IO.File.Exists(path))
        {
            return NotFound();
        }

        Body = System.IO.File.ReadAllText(path);
        return Page();
    }
}
