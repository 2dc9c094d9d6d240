using JimPam.Wiki.Data;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JimPam.Wiki.Infrastructure;

/// <summary>
/// A page whose save the storage refused (a full disk, a database that stayed busy past its timeout, a read-only
/// file) answers 503 with its form again: the editor's typed text as they sent it, and above it what happened and
/// that nothing was changed. Every writer saves in one transaction, so a refused save has written nothing. The
/// request's one log event names the cause, at Warning, without a stack trace: it is the operator's to fix.
/// </summary>
public sealed class StorageFaultFilter : IAsyncPageFilter
{
    /// <summary>How long to suggest waiting before trying again.</summary>
    public const int RetryAfterSeconds = 30;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not { } exception || executed.ExceptionHandled || WikiStore.FaultOf(exception) is not { } fault
            || executed.HandlerInstance is not PageModel page)
        {
            return;
        }

        executed.ExceptionHandled = true;
        executed.HttpContext.RequestServices.GetRequiredService<WikiMetrics>().SaveFailed(executed.ActionDescriptor.ViewEnginePath);
        page.ModelState.AddModelError(string.Empty, Message(fault));
        executed.Result = new PageResult { StatusCode = StatusCodes.Status503ServiceUnavailable };
        executed.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        RequestLogReason.Set(executed.HttpContext, $"the save was refused because {Cause(fault)} ({exception.GetBaseException().Message})");
    }

    /// <summary>What the editor reads above the form.</summary>
    public static string Message(StorageFault fault) => fault switch
    {
        StorageFault.Full => "The wiki could not save because its storage is full; nothing was changed. Your text is still in the form below: keep a copy, and save again once there is room.",
        StorageFault.Busy => "The wiki could not save because its database stayed busy with other work for too long; nothing was changed. Your text is still in the form below: save again in a moment.",
        StorageFault.Unreachable => "The wiki could not save because it lost its connection to its database; the save was not confirmed. Your text is still in the form below: save again in a moment (if the first save did reach the database, the wiki will show it as a newer revision to merge with).",
        _ => "The wiki could not save because its database is read-only at the moment; nothing was changed. Your text is still in the form below: keep a copy, and save again once the site's operator has fixed it.",
    };

    private static string Cause(StorageFault fault) => fault switch
    {
        StorageFault.Full => "the storage is full",
        StorageFault.Busy => "the database stayed busy past its timeout",
        StorageFault.Unreachable => "the database could not be reached",
        _ => "the database is read-only",
    };
}
