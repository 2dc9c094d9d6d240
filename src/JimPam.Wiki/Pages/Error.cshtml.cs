using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JimPam.Wiki.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    /// <summary>
    /// The trace id, which every log event of the request carries, so the id a reader reports finds the error.
    /// Computed, not set in OnGet: a failed POST is re-executed here as a POST.
    /// </summary>
    public string RequestId => Activity.Current?.TraceId.ToHexString() ?? HttpContext.TraceIdentifier;

    public void OnGet()
    {
    }
}
