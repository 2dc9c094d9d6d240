using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace JimPam.Wiki.Infrastructure;

/// <summary>
/// Reads every posted form before anything else does, so a form the framework cannot read never turns into a 500
/// or an empty 400 that loses the editor's text:
/// <list type="bullet">
/// <item>A form that says it is in a charset other than UTF-8 is refused with 415 before anything reads it: the form
/// reader would throw on a charset it does not know (utf-7, ibm037, a made-up name) or decode the fields into text the
/// editor never typed (utf-32BE). The wiki's pages are UTF-8, so browsers send their forms as UTF-8.</item>
/// <item>A URL-encoded form that holds a NUL character (<c>%00</c>), which the framework's decoder refuses, is read
/// here field by field with the NUL removed, and marked (<see cref="UnreadableForm"/>): its page then shows the form
/// again with the text as typed and a message next to each such field, and saves nothing (<see cref="FormReadingFilter"/>).</item>
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

            if (ForeignCharset(request) is { } charset)
            {
                RequestLogReason.Set(context, $"a form in the charset {charset}, not UTF-8");
                await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, "This form cannot be read",
                    $"It was sent in the charset “{charset}”. JimPam.Wiki reads forms in UTF-8 only, as every browser sends them from its pages. Nothing was saved.");
                return;
            }

            request.EnableBuffering();
            try
            {
                await request.ReadFormAsync(context.RequestAborted);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                // Over the server's limit on a request's body (Kestrel's 30 MB): answered here, once, as what it is.
                RequestLogReason.Set(context, "a form over the size limit of a request");
                await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "This form is too large",
                    "A form may carry at most 30 MB, and a picture in it at most 20 MB. Nothing was saved.");
                return;
            }
            catch (InvalidDataException e)
            {
                if (await RepairAsync(context) is not { } repaired)
                {
                    RequestLogReason.Set(context, $"a form that could not be read ({e.Message})");
                    await RefuseAsync(context, StatusCodes.Status400BadRequest, "This form cannot be read", $"The wiki could not read it: {e.Message} Nothing was saved.");
                    return;
                }

                RequestLogReason.Set(context, $"a form with NUL characters in {string.Join(", ", repaired.Fields)}, shown again");
                context.Features.Set(repaired);
            }

            await next(context);
        });

    /// <summary>The charset a form body names when it is not UTF-8 (or its subset US-ASCII), else null.</summary>
    public static string? ForeignCharset(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
        {
            return null;
        }

        var charset = HeaderUtilities.RemoveQuotes(type.Charset).ToString().Trim();
        return charset.Length == 0
               || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
               || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
               || charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase)
            ? null
            : Printable(charset);
    }

    /// <summary>
    /// Reads a URL-encoded body that the framework refused because a field holds a NUL character: each field decoded
    /// as the framework would, the NUL characters removed. Null when the body is not URL-encoded, breaks the form
    /// limits, or fails for another reason.
    /// </summary>
    private static async Task<UnreadableForm?> RepairAsync(HttpContext context)
    {
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var limits = context.RequestServices.GetService<Microsoft.Extensions.Options.IOptions<FormOptions>>()?.Value ?? new FormOptions();
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var pairs = body.Split('&', StringSplitOptions.RemoveEmptyEntries);
        if (pairs.Length > limits.ValueCountLimit)
        {
            return null;
        }

        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        var repaired = new List<string>();
        foreach (var pair in pairs)
        {
            var split = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(split < 0 ? pair : pair[..split]);
            var value = split < 0 ? "" : Decode(pair[(split + 1)..]);
            if (key.Length > limits.KeyLengthLimit || value.Length > limits.ValueLengthLimit)
            {
                return null;
            }

            if (key.Contains('\0', StringComparison.Ordinal) || value.Contains('\0', StringComparison.Ordinal))
            {
                key = key.Replace("\0", "", StringComparison.Ordinal);
                value = value.Replace("\0", "", StringComparison.Ordinal);
                repaired.Add(key);
            }

            fields[key] = fields.TryGetValue(key, out var earlier) ? StringValues.Concat(earlier, value) : new StringValues(value);
        }

        if (repaired.Count == 0)
        {
            return null;
        }

        request.Body.Position = 0;
        context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields)));
        return new UnreadableForm([.. repaired.Distinct(StringComparer.Ordinal)]);
    }

    private static string Decode(string encoded) => Uri.UnescapeDataString(encoded.Replace('+', ' '));

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

    /// <summary>The charset as a message and the log may show it: short, and without control characters.</summary>
    private static string Printable(string charset) =>
        new([.. charset.Take(40).Select(c => char.IsControl(c) ? '?' : c)]);
}

/// <summary>A posted form that held NUL characters, read with them removed: the names of the fields that held them.</summary>
public sealed record UnreadableForm(IReadOnlyList<string> Fields)
{
    /// <summary>What the editor reads next to such a field.</summary>
    public const string FieldMessage = "This field held a NUL character (sent as %00), which the wiki cannot store. It was removed: check the text and send the form again.";

    /// <summary>What the editor reads above the form.</summary>
    public const string FormMessage = "The form could not be read as it was sent, so nothing was saved: a field held a NUL character. Your text is below without it.";
}
