using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JimPam.Wiki.Infrastructure;

/// <summary>One address per page: any other spelling of it (upper case, "/seasons/03", a trailing slash, an accented slug) gets a 301.</summary>
public static class CanonicalAddress
{
    /// <summary>
    /// Records the page's canonical path for the layout's canonical link, and returns a permanent redirect to
    /// it when the request used another spelling; null when the request is already canonical.
    /// </summary>
    public static IActionResult? RedirectToCanonical(this PageModel page, string pageName, object? routeValues = null)
    {
        var canonical = page.Url.Page(pageName, routeValues) ?? throw new InvalidOperationException($"No route for the page {pageName}");
        page.ViewData["Canonical"] = canonical;
        var requested = (page.Request.PathBase + page.Request.Path).ToUriComponent();
        return string.Equals(requested, canonical, StringComparison.Ordinal)
            ? null
            : new RedirectResult(canonical + page.Request.QueryString.ToUriComponent(), permanent: true);
    }
}
