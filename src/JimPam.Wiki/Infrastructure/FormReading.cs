using Microsoft.AspNetCore.Http.Features;

namespace JimPam.Wiki.Infrastructure;

/// <summary>
/// Reads every posted form before anything else does, URL-encoded and multipart alike, so a form the framework cannot
/// read never turns into a 500, a garbled save or an empty 400 that loses the editor's text:
/// <list type="bullet">
/// <item>A form that says it is in a charset other than UTF-8 is refused with 415 before anything reads it: the form
/// reader would throw on a charset it does not know (utf-7, ibm037, a made-up name) or decode the fields into text the
/// editor never typed (utf-32BE). The wiki's pages are UTF-8, so browsers send their forms as UTF-8.</item>
/// <item>A form with a field that cannot be read as sent (a NUL, a multipart part in another charset, bytes that are
/// not UTF-8: <see cref="FormScan"/>) is read here field by field, as well as it can be, and marked
/// (<see cref="UnreadableForm"/>): its page then shows the form again with the text and a message next to each such
/// field, and saves nothing (<see cref="FormReadingFilter"/>).</item>
/// <item>A form that cannot be read at all (over the size or field-count limits) gets a 400 that says why.</item>
/// </list>
/// Each of these is one request-log event with the reason, and no stack trace.
/// </summary>
public static class FormReading
{
    public static IApplicationBuilder UseFormReading(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
            {
                await next(context);
                return;
            }

            if (FormScan.ForeignCharset(request.ContentType) is { } charset)
            {
                RequestLogReason.Set(context, $"a form in the charset {charset}, not UTF-8");
                await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, "This form cannot be read",
                    $"It was sent in the charset “{charset}”. JimPam.Wiki reads forms in UTF-8 only, as every browser sends them from its pages. Nothing was saved.");
                return;
            }

            request.EnableBuffering();
            var limits = context.RequestServices.GetService<Microsoft.Extensions.Options.IOptions<FormOptions>>()?.Value ?? new FormOptions();
            FormScan.Result scan;
            try
            {
                scan = await FormScan.ReadAsync(request, limits, context.RequestAborted);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                await RefuseTooLargeAsync(context);
                return;
            }

            if (scan.Refusal is { } refusal)
            {
                RequestLogReason.Set(context, $"a form that could not be read ({refusal})");
                await RefuseAsync(context, StatusCodes.Status400BadRequest, "This form cannot be read", $"The wiki could not read it: {refusal} Nothing was saved.");
                return;
            }

            if (scan.Unreadable.Count > 0)
            {
                RequestLogReason.Set(context, $"a form with fields that could not be read as sent ({string.Join(", ", scan.Unreadable.Keys)}), shown again");
                context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(scan.Fields)));
                context.Features.Set(new UnreadableForm(scan.Unreadable));
                await next(context);
                return;
            }

            try
            {
                await request.ReadFormAsync(context.RequestAborted);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                await RefuseTooLargeAsync(context);
                return;
            }
            catch (Exception e) when (e is InvalidDataException or NotSupportedException or ArgumentException)
            {
                // What the scan let through and the framework still cannot read: answered as unreadable, never a 500.
                RequestLogReason.Set(context, $"a form that could not be read ({e.Message})");
                await RefuseAsync(context, StatusCodes.Status400BadRequest, "This form cannot be read", $"The wiki could not read it: {e.Message} Nothing was saved.");
                return;
            }

            await next(context);
        });

    /// <summary>Over the server's limit on a request's body (Kestrel's 30 MB): answered here, once, as what it is.</summary>
    private static async Task RefuseTooLargeAsync(HttpContext context)
    {
        RequestLogReason.Set(context, "a form over the size limit of a request");
        await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "This form is too large",
            "A form may carry at most 30 MB, and a picture in it at most 20 MB. Nothing was saved.");
    }

    private static async Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var page = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{System.Net.WebUtility.HtmlEncode(title)} · JimPam.Wiki</title></head>
            <body><main><h1>{System.Net.WebUtility.HtmlEncode(title)}</h1><p>{System.Net.WebUtility.HtmlEncode(detail)}</p><p><a href="/">JimPam.Wiki</a></p></main></body></html>
            """;
        await context.Response.WriteAsync(page, context.RequestAborted);
    }
}

/// <summary>A posted form with fields that could not be read as sent, read as well as they could be: each such field's name and why.</summary>
public sealed record UnreadableForm(IReadOnlyDictionary<string, FormScan.FieldProblem> Fields)
{
    /// <summary>What the editor reads above the form.</summary>
    public string FormMessage =>
        $"The form could not be read as it was sent, so nothing was saved: {string.Join("; ", Fields.Values.Select(p => p.Summary).Distinct(StringComparer.Ordinal))}. Your text is below, as the wiki could read it.";
}
