using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace JimPam.Wiki.Infrastructure;

/// <summary>
/// Razor Pages render a page even when no handler matches the request's method (TRACE, PUT, OPTIONS...), and
/// a page whose handler did not run has no model. This answers such requests 405 with an Allow header that
/// lists the methods the page does handle. The error and not-found pages, reached by re-execution, answer
/// whatever method the failed request used.
/// </summary>
public sealed class MethodNotAllowedFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (context.HandlerMethod is not null
            || http.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || http.Features.Get<IExceptionHandlerPathFeature>() is not null)
        {
            return next();
        }

        var handled = context.ActionDescriptor.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        if (handled.Count == 0)
        {
            // A page without handlers is a plain GET page.
            handled.Add(HttpMethods.Get);
        }

        if (handled.Contains(HttpMethods.Get))
        {
            handled.Add(HttpMethods.Head);
        }

        if (handled.Contains(http.Request.Method.ToUpperInvariant()))
        {
            return next();
        }

        http.Response.Headers.Allow = string.Join(", ", handled.Order(StringComparer.Ordinal));
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        return Task.CompletedTask;
    }
}
