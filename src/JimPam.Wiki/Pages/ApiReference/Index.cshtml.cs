using JimPam.Wiki.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace JimPam.Wiki.Pages.ApiReference;

/// <summary>
/// /api: the JSON API's reference for people, read from the same endpoint descriptions the OpenAPI document is made
/// of, so the two never disagree.
/// </summary>
public class IndexModel(IApiDescriptionGroupCollectionProvider descriptions, IOptions<WikiOptions> options) : PageModel
{
    public sealed record Parameter(string Name, string Where, string Type, bool Required);

    public sealed record Resource(string Path, string Summary, string Description, IReadOnlyList<Parameter> Parameters, IReadOnlyList<int> Statuses, string Tag);

    public IReadOnlyList<Resource> Resources { get; private set; } = [];

    public int RequestsPerMinute => options.Value.ApiRequestsPerMinute;

    public void OnGet()
    {
        Resources = [.. descriptions.ApiDescriptionGroups.Items.SelectMany(g => g.Items)
            .Where(d => d.HttpMethod == HttpMethods.Get && d.RelativePath?.StartsWith(ApiResource.Prefix[1..], StringComparison.Ordinal) == true)
            .Select(d => new Resource(
                "/" + System.Text.RegularExpressions.Regex.Replace(d.RelativePath!, @":[a-z]+\}", "}").TrimEnd('/'),
                d.ActionDescriptor.EndpointMetadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary ?? "",
                d.ActionDescriptor.EndpointMetadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description ?? "",
                [.. d.ParameterDescriptions.Where(p => p.Source.IsFromRequest).Select(p => new Parameter(
                    p.Name, p.Source.DisplayName == "Path" ? "path" : "query", TypeName(p.Type), p.IsRequired))],
                [.. d.SupportedResponseTypes.Select(r => r.StatusCode).Distinct().Order()],
                d.ActionDescriptor.EndpointMetadata.OfType<ITagsMetadata>().LastOrDefault() is { Tags: [var tag, ..] } ? tag : "API"))];
    }

    private static string TypeName(Type? type) =>
        (Nullable.GetUnderlyingType(type ?? typeof(string)) ?? type) switch
        {
            var t when t == typeof(int) => "integer",
            _ => "string",
        };
}
