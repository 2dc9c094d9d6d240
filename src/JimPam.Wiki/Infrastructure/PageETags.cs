using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace JimPam.Wiki.Infrastructure;

/// <summary>
/// Gives every successful page (and every answer of the JSON API) a validator, so a browser that already has the page revalidates and gets a
/// bodiless 304. The tag is a hash of the exact bytes, so it changes when anything on the page does. It is weak
/// (W/), because compression sends the same page in other bytes.
/// </summary>
public static class PageETags
{
    public static IApplicationBuilder UsePageETags(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Pages only: static assets carry MapStaticAssets' own ETags and must stream, not buffer.
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                || context.GetEndpoint()?.Metadata is not { } metadata
                || (metadata.GetMetadata<PageActionDescriptor>() is null && metadata.GetMetadata<ApiResource>() is null))
            {
                await next(context);
                return;
            }

            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            var response = context.Response;
            if (response.StatusCode == StatusCodes.Status200OK
                && !response.Headers.ContainsKey(HeaderNames.ETag)
                && (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
                    || response.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true))
            {
                var tag = new EntityTagHeaderValue($"\"{Base64Url(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))}\"", isWeak: true);
                response.Headers.ETag = tag.ToString();
                if (string.IsNullOrEmpty(response.Headers.CacheControl))
                {
                    // Antiforgery's "no-store" on pages with a form stays as it is.
                    response.Headers.CacheControl = "no-cache";
                }
                if (EntityTagHeaderValue.TryParseList(context.Request.Headers.IfNoneMatch, out var sent)
                    && sent.Any(candidate => candidate.Compare(tag, useStrongComparison: false) || candidate.Equals(EntityTagHeaderValue.Any)))
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    response.ContentLength = null;
                    response.Headers.ContentType = default;
                    return;
                }
            }

            // An empty 404 stays without a length, so the not-found page can still be put in its place.
            if (buffer.Length == 0)
            {
                return;
            }

            response.ContentLength ??= buffer.Length;

            // HEAD gets the headers of GET (length and tag included) and no body.
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                buffer.Position = 0;
                await buffer.CopyToAsync(original, context.RequestAborted);
            }
        });

    private static string Base64Url(byte[] hash) =>
        Convert.ToBase64String(hash, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
