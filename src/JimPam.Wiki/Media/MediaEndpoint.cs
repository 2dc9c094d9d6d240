using JimPam.Wiki.Data;
using Microsoft.Extensions.Options;

namespace JimPam.Wiki.Media;

/// <summary>
/// <c>/media/{name}</c>: a stored image file. Its name is the hash of its bytes, so it is cached for a year as
/// immutable, its ETag is that hash, and a revalidation is answered 304. It carries its own type, nosniff (from the
/// site's headers) and a policy under which nothing in it can run: no script, no subresource, a sandbox.
/// </summary>
public static class MediaEndpoint
{
    public const string ContentSecurityPolicy = "default-src 'none'; sandbox";

    public static IServiceCollection AddWikiMedia(this IServiceCollection services) =>
        services.AddScoped<ImageLibrary>().AddScoped<MediaStore>(provider =>
            provider.GetRequiredService<IOptions<WikiOptions>>().Value.MediaFolder is { Length: > 0 } folder
                ? new FolderMediaStore(Path.GetFullPath(folder, provider.GetRequiredService<IHostEnvironment>().ContentRootPath))
                : new DatabaseMediaStore(provider.GetRequiredService<WikiDbContext>()));

    /// <summary>The name of the endpoint that serves a stored file, by which the address book makes its address.</summary>
    public const string EndpointName = "Media";

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/media/{name}", [HttpMethods.Get, HttpMethods.Head], ServeAsync).WithName(EndpointName).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ServeAsync(string name, HttpContext http, MediaStore store, CancellationToken cancellationToken)
    {
        if (!MediaStore.IsName(name) || await store.GetAsync(name, cancellationToken) is not { } file)
        {
            return Results.NotFound();
        }

        var headers = http.Response.Headers;
        var tag = $"\"{name[..32]}\"";
        headers.ETag = tag;
        headers.CacheControl = "public, max-age=31536000, immutable";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return http.Request.Headers.IfNoneMatch.Contains(tag)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(file.Bytes, file.ContentType);
    }
}
