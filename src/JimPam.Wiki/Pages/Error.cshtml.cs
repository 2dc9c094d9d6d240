using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
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

    /// <summary>Shown in place of a failed page; asked for by its own address, there is nothing to show.</summary>
    public IActionResult OnGet() =>
        HttpContext.Features.Get<IExceptionHandlerPathFeature>() is null ? NotFound() : Page();
}
