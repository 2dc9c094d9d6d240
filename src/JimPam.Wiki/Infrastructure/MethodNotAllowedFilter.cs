using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JimPam.Wiki.Infrastructure;

/// <summary>
/// Razor Pages render a page even when none of its handlers takes the request's method (TRACE, PUT, OPTIONS...),
/// and a page whose handler did not run has no model. This answers such requests 405 with an Allow header that
/// lists the methods the page does handle. It runs first, before antiforgery validation, because a method the
/// page does not take is wrong whatever token comes with it. The error and not-found pages, reached by
/// re-execution, answer whatever method the failed request used.
/// </summary>
public sealed class MethodNotAllowedFilter : IAuthorizationFilter, IOrderedFilter
{
    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (context.ActionDescriptor is not CompiledPageActionDescriptor page
            || http.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || http.Features.Get<IExceptionHandlerPathFeature>() is not null)
        {
            return;
        }

        var handled = page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        if (handled.Count == 0)
        {
            // A page without handlers is a plain GET page.
            handled.Add(HttpMethods.Get);
        }

        if (handled.Contains(HttpMethods.Get))
        {
            handled.Add(HttpMethods.Head);
        }

        if (!handled.Contains(http.Request.Method.ToUpperInvariant()))
        {
            http.Response.Headers.Allow = string.Join(", ", handled.Order(StringComparer.Ordinal));
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        }
    }
}
