using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Infrastructure;

/// <summary>
/// A page or API resource that answers GET, read from the app's endpoints (<see cref="AppRoutes"/>, which also lists the addresses that take a form): its template, its route parameters, the
/// query keys it reads (its bound properties and handler parameters, the API's described parameters, and the keys
/// every page reads), and a sample address with a value for each parameter.
/// </summary>
public sealed record AppRoute(string Template, bool Api, IReadOnlyList<string> Parameters, IReadOnlyList<string> QueryKeys, string Sample)
{
    /// <summary>The sample address with <paramref name="value"/> (already escaped) in place of <paramref name="parameter"/>.</summary>
    public string With(string parameter, string value) => AppRoutes.Address(Template, parameter, value);
}

public static class AppRoutes
{
    /// <summary>The keys any page or resource may read, whatever its own parameters.</summary>
    private static readonly string[] EveryPageKeys = [AsOfQuery.Key, SpoilerShield.ShowKey, WikiQueryKeys.Relationship, WikiQueryKeys.Paging];

    public static async Task<IReadOnlyList<AppRoute>> ReadAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var described = services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Where(d => string.Equals(d.HttpMethod, HttpMethods.Get, StringComparison.OrdinalIgnoreCase))
            .ToLookup(d => "/" + d.RelativePath!.Split('?')[0].TrimStart('/').TrimEnd('/'), StringComparer.OrdinalIgnoreCase);
        var routes = new List<AppRoute>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var keys = new SortedSet<string>(EveryPageKeys, StringComparer.Ordinal);
            bool api;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
            {
                var page = await loader.LoadAsync(descriptor, endpoint.Metadata);
                var get = page.HandlerMethods.Where(h => string.Equals(h.HttpMethod, HttpMethods.Get, StringComparison.OrdinalIgnoreCase)).ToList();
                if (page.HandlerMethods.Count > 0 && get.Count == 0)
                {
                    continue;
                }

                // A property bound on GET: [BindProperty(SupportsGet = true)] or [FromQuery] (a plain [BindProperty]'s predicate leaves GET out).
                var onGet = new Microsoft.AspNetCore.Mvc.ActionContext(new DefaultHttpContext { Request = { Method = HttpMethods.Get } }, new RouteData(), page);
                keys.UnionWith(page.BoundProperties.Where(p => p.BindingInfo?.RequestPredicate?.Invoke(onGet) != false).Select(p => p.BindingInfo?.BinderModelName ?? p.Name));
                keys.UnionWith(get.SelectMany(h => h.Parameters)
                    .Where(p => p.ParameterType != typeof(CancellationToken) && endpoint.RoutePattern.GetParameter(p.Name) is null)
                    .Select(p => p.BindingInfo?.BinderModelName ?? p.Name));
                api = false;
            }
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) != false
                     && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            {
                keys.UnionWith(described[template.TrimEnd('/')].SelectMany(d => d.ParameterDescriptions)
                    .Where(p => p.Source == BindingSource.Query)
                    .Select(p => p.Name));
                api = template.StartsWith("/api", StringComparison.Ordinal) || template.StartsWith("/openapi", StringComparison.Ordinal);
            }
            else
            {
                continue;
            }

            var parameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            routes.Add(new AppRoute(template, api, parameters, [.. keys], Address(template, null, null)));
        }

        return routes;
    }

    /// <summary>Every address (with sample values) whose page takes a form post.</summary>
    public static async Task<IReadOnlyList<string>> FormAddressesAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor
                && (await loader.LoadAsync(descriptor, endpoint.Metadata)).HandlerMethods.Any(h => string.Equals(h.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase)))
            {
                paths.Add(Address("/" + endpoint.RoutePattern.RawText!.TrimStart('/'), null, null));
            }
        }

        return [.. paths];
    }

    /// <summary>An address of the template: each parameter its sample value, but <paramref name="parameter"/>, which is <paramref name="value"/>.</summary>
    public static string Address(string template, string? parameter, string? value) =>
        Address(template, parameter is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [parameter] = value! });

    /// <summary>An address of the template: each parameter the value given for it (already escaped), or its sample value.</summary>
    public static string Address(string template, IReadOnlyDictionary<string, string> values)
    {
        var pattern = RoutePatternFactory.Parse(template);
        return "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart p => values.TryGetValue(p.Name, out var given) ? given : Sample(template, p.Name),
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))).Where(s => s.Length > 0));
    }

    private static string Sample(string template, string parameter) => parameter switch
    {
        "id" => "1",
        "number" => "3",
        "type" => "event",
        "documentName" => "v1",
        "name" => "none.jpg",
        "path" => "none.txt",
        "rest" => "none",
        "slug" when template.Contains("episodes", StringComparison.Ordinal) => "the-dundies",
        "slug" when template.Contains("characters", StringComparison.Ordinal) => "pam-beesly",
        "slug" => "jim-and-pam",
        _ => throw new InvalidOperationException($"No sample value for {{{parameter}}} in {template}"),
    };
}
