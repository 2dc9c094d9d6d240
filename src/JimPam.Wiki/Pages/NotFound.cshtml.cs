using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JimPam.Wiki.Pages;

/// <summary>The 404 page, shown for unknown addresses and for pages whose record does not exist.</summary>
public class NotFoundModel : PageModel
{
    /// <summary>Computed, not set in a handler: a re-executed POST or HEAD reaches this page without its OnGet.</summary>
    public string RequestedPath => HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? Request.Path.Value ?? "/";

    public void OnGet() => Response.StatusCode = StatusCodes.Status404NotFound;
}
