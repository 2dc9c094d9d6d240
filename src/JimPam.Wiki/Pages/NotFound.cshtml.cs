using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JimPam.Wiki.Pages;

/// <summary>The 404 page, shown for unknown addresses and for pages whose record does not exist.</summary>
public class NotFoundModel : PageModel
{
    public string RequestedPath { get; private set; } = "";

    public void OnGet()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        var reExecute = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        RequestedPath = reExecute?.OriginalPath ?? Request.Path.Value ?? "/";
    }
}
