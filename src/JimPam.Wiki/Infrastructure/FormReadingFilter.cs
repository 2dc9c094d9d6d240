using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JimPam.Wiki.Infrastructure;

/// <summary>
/// The page side of <see cref="FormReading"/>: a form with fields that could not be read as sent comes back to the editor with a message
/// next to each such field and above the form, with status 400, and nothing saved. Saves and previews check the
/// model state before they write, so they show the form again with the typed text; a delete, which would not, shows
/// the entry's form as it is instead (its page's GET handler), with the message.
/// </summary>
public sealed class FormReadingFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        if (context.HttpContext.Features.Get<UnreadableForm>() is not null
            && context.HandlerMethod is { Name: not (null or "Preview") }
            && context.ActionDescriptor.HandlerMethods.FirstOrDefault(h => h.HttpMethod == "Get" && h.Name is null) is { } view)
        {
            context.HandlerMethod = view;
        }

        return Task.CompletedTask;
    }

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.Features.Get<UnreadableForm>() is not { } form)
        {
            await next();
            return;
        }

        context.ModelState.AddModelError(string.Empty, form.FormMessage);
        foreach (var (field, problem) in form.Fields)
        {
            context.ModelState.AddModelError(field, problem.Message);
        }

        var executed = await next();
        if (executed.Result is PageResult page)
        {
            page.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
