namespace JimPam.Wiki.Infrastructure;

/// <summary>
/// Marks an endpoint of the JSON API: its answers get an ETag (<see cref="PageETags"/>) and problem documents. Holds
/// what the API and the pages that describe it (the reference page at /api) both say of it, so neither reads the other.
/// </summary>
public sealed class ApiResource
{
    /// <summary>Where the API's resources live.</summary>
    public const string Prefix = "/api/v1";

    /// <summary>Where the OpenAPI document lives (<c>/openapi/v1.json</c>).</summary>
    public const string OpenApiFolder = "/openapi";

    /// <summary>The terms the API's content comes under, as its OpenAPI document and the reference page state them.</summary>
    public const string LicenceName = "Fan-wiki text, under the terms of the wiki it comes from";
}
