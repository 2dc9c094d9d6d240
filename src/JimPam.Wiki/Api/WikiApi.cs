using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JimPam.Wiki.Api;

/// <summary>
/// The read-only JSON API under /api/v1: relationships, seasons with their events, episodes, characters, recent changes and
/// search, each described in the OpenAPI document at /openapi/v1.json and on the reference page at /api. Every answer
/// has an ETag (a 304 for a client that has it), every error is an RFC 9457 problem, and each client address may make
/// <see cref="WikiOptions.ApiRequestsPerMinute"/> requests a minute.
/// </summary>
public static class WikiApi
{
    public const string Prefix = ApiResource.Prefix;
    public const string RateLimitPolicy = "api";
    public const string DocumentName = "v1";



    /// <summary>What each group of the API's operations is about, for its OpenAPI tag.</summary>
    public static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["API"] = "The list of the API's collections.",
        ["Relationships"] = "The relationships, each with its article: epigraph, intro, milestones, recurring jokes, behind the scenes.",
        ["Seasons"] = "The seasons, each with its episodes and every event told in it.",
        ["Episodes"] = "The episode catalogue, and the events that cite each episode.",
        ["Characters"] = "The characters, their relationships and the events that mention them.",
        ["Changes"] = "The latest edits across the wiki.",
        ["Search"] = "The same search as the site's search page.",
    };

    public static IServiceCollection AddWikiApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        services.AddOpenApi(DocumentName, openApi =>
        {
            // The API's own routes, once each: HEAD is GET's twin and needs no description of its own.
            openApi.ShouldInclude = description => description.RelativePath?.StartsWith(Prefix[1..], StringComparison.Ordinal) == true
                && description.HttpMethod == HttpMethods.Get;
            openApi.AddDocumentTransformer((document, context, _) =>
            {
                var site = context.ApplicationServices.GetRequiredService<WikiAddresses>();
                document.Info.Title = "JimPam.Wiki API";
                document.Info.Description = "Read-only JSON for the relationship timelines of JimPam.Wiki. Pass asOf=sSSeEE to see only what a viewer who has watched up to that episode may see.";
                document.Info.License = new Microsoft.OpenApi.OpenApiLicense { Name = ApiResource.LicenceName, Url = new Uri(site.Absolute(site.ApiReference("terms"))) };

                // The site's public address (never the request's Host header), without a trailing slash.
                document.Servers = [new Microsoft.OpenApi.OpenApiServer { Url = site.Absolute(""), Description = "JimPam.Wiki" }];

                // Anonymous: every resource is public and read-only. An empty requirement ({}) says so, rather than forgetting to.
                document.Security = [new Microsoft.OpenApi.OpenApiSecurityRequirement()];
                foreach (var tag in document.Tags ?? new HashSet<Microsoft.OpenApi.OpenApiTag>())
                {
                    tag.Description = TagDescriptions.GetValueOrDefault(tag.Name ?? "");
                }

                return Task.CompletedTask;
            });
        });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<Microsoft.Extensions.Options.IOptions<WikiOptions>>((limiter, wiki) =>
        {
            var (perMinute, window) = (wiki.Value.ApiRequestsPerMinute, wiki.Value.RateLimitWindow);
            limiter.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = window, QueueLimit = 0 }));

            // Every refusal says when to come back; the API's says so as a problem document.
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (http.GetEndpoint()?.Metadata.GetMetadata<ApiResource>() is not null)
                {
                    await TypedResults.Problem(
                        detail: $"This address has made more than {perMinute} requests in a minute. Try again in {seconds} seconds.",
                        statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", instance: http.Request.Path).ExecuteAsync(http);
                }
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapWikiApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(ApiResource.OpenApiFolder + "/{documentName:regex(^" + DocumentName + "$)}.json").WithName(WikiAddresses.OpenApiEndpoint).RequireRateLimiting(RateLimitPolicy).WithMetadata(new ApiResource());
        var api = app.MapGroup(Prefix)
            .RequireRateLimiting(RateLimitPolicy)
            .WithMetadata(new ApiResource())
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapRead("/", (WikiAddresses site) => TypedResults.Ok(new ApiIndex(
                "JimPam.Wiki API",
                new Dictionary<string, string>
                {
                    ["relationships"] = site.Api("ListRelationships"),
                    ["seasons"] = site.Api("ListSeasons"),
                    ["episodes"] = site.Api("ListEpisodes"),
                    ["characters"] = site.Api("ListCharacters"),
                    ["changes"] = site.Api("ListChanges"),
                    ["search"] = site.Api("Search") + "?q=",
                },
                site.Absolute(site.OpenApi()),
                site.Absolute(site.ApiReference()))))
            .WithName("GetApiIndex").WithTags("API").WithSummary("The API's resources").WithDescription("Links to every collection of the API, its OpenAPI document and its reference page.");
        RelationshipsApi.Map(api.MapGroup("/relationships").WithTags("Relationships"));
        SeasonsApi.Map(api.MapGroup("/seasons").WithTags("Seasons"));
        EpisodesApi.Map(api.MapGroup("/episodes").WithTags("Episodes"));
        CharactersApi.Map(api.MapGroup("/characters").WithTags("Characters"));
        ChangesApi.Map(api.MapGroup("/changes").WithTags("Changes"));
        SearchApi.Map(api.MapGroup("/search").WithTags("Search"));

        // An address under the API (or beside its one OpenAPI document) that names no resource is a problem document
        // too, not the HTML not-found page.
        MapProblemFallback(app, $"{Prefix}/{{**rest}}");
        MapProblemFallback(app, $"{ApiResource.OpenApiFolder}/{{**rest}}");
        return app;
    }

    private static void MapProblemFallback(IEndpointRouteBuilder app, string pattern) =>
        app.MapFallback(pattern, (HttpContext http) =>
            {
                if (ReadMethods.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase))
                {
                    return NotFound(http, "There is no such resource in this API. See /api for the list.");
                }

                http.Response.Headers.Allow = string.Join(", ", ReadMethods);
                return TypedResults.Problem(detail: $"The API is read-only: it answers {string.Join(" and ", ReadMethods)}, not {http.Request.Method}.", statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed", instance: http.Request.Path);
            })
            .RequireRateLimiting(RateLimitPolicy).WithMetadata(new ApiResource()).ExcludeFromDescription();

    /// <summary>The methods every resource answers: HEAD gets GET's headers (length and ETag included).</summary>
    public static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>A read-only resource: GET, and HEAD with the same headers.</summary>
    public static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder group, string pattern, Delegate handler) =>
        group.MapMethods(pattern, ReadMethods, handler);


    /// <summary>
    /// An episode's or character's old or differently spelt address, as its page answers it: a permanent redirect to
    /// the resource's current address, with the same query; null when the slug stands for no entry.
    /// </summary>
    public static async Task<RedirectHttpResult?> MovedAsync(HttpContext http, WikiDbContext db, WikiAddresses site, string type, string slug, string endpoint, CancellationToken cancellationToken) =>
        await RetiredSlugs.WhereNowAsync(db, type, slug, cancellationToken) is { } now
            ? TypedResults.Redirect(site.Api(endpoint, new { slug = now }) + http.Request.QueryString, permanent: true)
            : null;

    public static ProblemHttpResult NotFound(HttpContext http, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found", instance: http.Request.Path);

    public static ProblemHttpResult BadRequest(HttpContext http, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request", instance: http.Request.Path + http.Request.QueryString);

    public static EpisodeRef EpisodeRef(WikiAddresses site, string slug, string title, int season, int number, DateOnly? airDate) =>
        new(slug, title, season, number, airDate, site.Api("GetEpisode", new { slug }));

    public static EpisodeRef EpisodeRef(WikiAddresses site, EpisodeStamp episode) =>
        EpisodeRef(site, episode.Slug, episode.Title, episode.Point.Season, episode.Point.Number, episode.AirDate);

    /// <summary>An event as a short citing entry; <paramref name="relationship"/> is null for the first relationship.</summary>
    public static CitingEvent Citing(WikiAddresses site, int id, string relationshipSlug, string? relationship, int season, string? markdown, Microsoft.AspNetCore.Html.IHtmlContent body) =>
        new(id, relationshipSlug, season, markdown ?? "", body.ToString() ?? "", EventPage(site, season, relationship, id), site.Api("GetSeason", new { number = season }));

    public static CharacterRef CharacterRef(WikiAddresses site, string slug, string name) =>
        new(slug, name, site.Api("GetCharacter", new { slug }));

    /// <summary>A page for people, by its absolute address; <paramref name="relationship"/> is null for the first relationship.</summary>
    public static string EventPage(WikiAddresses site, int season, string? relationship, int eventId) =>
        site.Absolute(site.Event(season, relationship, eventId));

    public static string ArticlePage(WikiAddresses site, string? relationship) =>
        site.Absolute(site.Article(relationship));
}
