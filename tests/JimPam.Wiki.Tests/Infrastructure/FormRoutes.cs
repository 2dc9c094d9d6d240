using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Infrastructure;

/// <summary>The app's addresses, read from its own routes and page handlers, with sample values for their parameters.</summary>
public static class FormRoutes
{
    /// <summary>Sample route values: an entry of each kind that the seed data has.</summary>
    private static readonly Dictionary<string, string> Samples = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = "1",
        ["number"] = "3",
        ["type"] = "event",
        ["slug"] = "jim-and-pam",
    };

    /// <summary>Every address whose page takes a form post.</summary>
    public static async Task<IReadOnlyList<string>> OfAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
            {
                continue;
            }

            var page = await loader.LoadAsync(descriptor, endpoint.Metadata);
            if (page.HandlerMethods.Any(h => string.Equals(h.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase)))
            {
                paths.Add(PathOf(endpoint.RoutePattern));
            }
        }

        return [.. paths];
    }

    /// <summary>The route templates of every page and endpoint that answers GET (pages without handlers do).</summary>
    public static async Task<IReadOnlyList<(string Template, bool Api)>> ReadTemplatesAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var templates = new List<(string, bool)>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
            {
                var page = await loader.LoadAsync(descriptor, endpoint.Metadata);
                if (page.HandlerMethods.Count == 0 || page.HandlerMethods.Any(h => string.Equals(h.HttpMethod, HttpMethods.Get, StringComparison.OrdinalIgnoreCase)))
                {
                    templates.Add(("/" + endpoint.RoutePattern.RawText!.TrimStart('/'), false));
                }
            }
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true
                     && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            {
                templates.Add(("/" + endpoint.RoutePattern.RawText!.TrimStart('/'), true));
            }
        }

        return templates;
    }

    private static string PathOf(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => Samples.TryGetValue(parameter.Name, out var sample) ? sample : throw new InvalidOperationException($"No sample value for {{{parameter.Name}}} in {pattern.RawText}"),
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))).Where(s => s.Length > 0));
}
