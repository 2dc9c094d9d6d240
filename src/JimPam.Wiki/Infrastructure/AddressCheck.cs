using System.Globalization;
using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using JimPam.Wiki.Story;

namespace JimPam.Wiki.Infrastructure;

/// <summary>
/// Checks what an address gives a page or resource before a cached page or any page or resource is served, so no
/// read sees a value that no link of the wiki holds:
/// <list type="bullet">
/// <item>A route value, query key or query value that holds a control character (NUL, tab, line breaks, escape, the C1
/// controls) or half of a surrogate pair: no slug, title or setting of the wiki has one, and a database may refuse it
/// with an error (PostgreSQL refuses NUL in text). A search's free text (<see cref="FreeTextKeys"/>) is the exception:
/// it is read as words, and a control character in it as a space between two.</item>
/// <item>The <c>asOf</c> of every read (<see cref="AsOfQuery"/>): a malformed one, one given twice, or one naming no
/// episode. An empty <c>asOf</c> is no asOf.</item>
/// </list>
/// Either is a 400 that says why, on every page (the "bad address" page, with a link to the page without the value
/// when it is a query's) and every API resource (a problem document), whether or not that page or resource uses it.
/// </summary>
public static class AddressCheck
{
    public const string ProblemPage = "/bad-address";

    /// <summary>Query keys whose value is free text that its reader takes apart into words (a search's query).</summary>
    public static readonly IReadOnlySet<string> FreeTextKeys = new HashSet<string>(["q"], StringComparer.OrdinalIgnoreCase);

    public static IApplicationBuilder UseAddressCheck(this IApplicationBuilder app, Func<HttpContext, bool> isApi) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
            {
                await next(context);
                return;
            }

            var problem = UnreadableValue(request);
            if (problem is null && AsOfQuery.Given(request.Query)
                && await AsOfQuery.ProblemAsync(request.Query, context.RequestServices.GetRequiredService<WikiDbContext>(), context.RequestAborted) is { } asOf)
            {
                problem = new AddressProblem(asOf, AsOfQuery.Key, IsAsOf: true);
            }

            if (problem is null)
            {
                await next(context);
                return;
            }

            RequestLogReason.Set(context, problem.Message);
            if (isApi(context))
            {
                await TypedResults.Problem(detail: problem.Message, statusCode: StatusCodes.Status400BadRequest, title: "Bad request", instance: Printable(request.Path + request.QueryString)).ExecuteAsync(context);
                return;
            }

            // The bad-address page, in place of the page asked for (as the not-found page is shown).
            var (path, query) = (request.Path, request.QueryString);
            context.Features.Set(problem with { Path = path, QueryWithoutKey = problem.QueryKey is { } key ? QueryWithout(request.Query, key) : QueryString.Empty });
            context.SetEndpoint(null);
            request.RouteValues.Clear();
            request.Path = ProblemPage;
            request.QueryString = QueryString.Empty;
            try
            {
                await next(context);
            }
            finally
            {
                (request.Path, request.QueryString) = (path, query);
            }
        });

    /// <summary>
    /// A route value that is blank (spaces, a no-break space) names no entry: no slug, type or name of the wiki is
    /// blank, and a page must not read it as "none given" (a blank relationship is not the first one). Answered 404,
    /// as any address that names nothing: the not-found page (placed after the status-code pages, which show it), or
    /// a problem document in the API.
    /// </summary>
    public static IApplicationBuilder UseBlankRouteValuesAsNotFound(this IApplicationBuilder app, Func<HttpContext, bool> isApi) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.RouteValues.FirstOrDefault(v => v.Value is string text && string.IsNullOrWhiteSpace(text)) is not { Key: { } name })
            {
                await next(context);
                return;
            }

            RequestLogReason.Set(context, $"{name} is blank");
            if (isApi(context))
            {
                await TypedResults.Problem(detail: $"{name} is blank: it names nothing in this API.", statusCode: StatusCodes.Status404NotFound, title: "Not found", instance: context.Request.Path).ExecuteAsync(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
        });

    /// <summary>The first route value, query key or query value that holds a character no address of the wiki has, as a problem; else null.</summary>
    public static AddressProblem? UnreadableValue(HttpRequest request)
    {
        foreach (var (name, value) in request.RouteValues)
        {
            if (value is string text && Unreadable(text) is { } c)
            {
                return new AddressProblem($"The address's {Printable(name)} holds {What(c)}, which no address of the wiki has.", null, IsAsOf: false);
            }
        }

        foreach (var (key, values) in request.Query)
        {
            if (Unreadable(key) is { } inKey)
            {
                return new AddressProblem($"A query key holds {What(inKey)}, which no address of the wiki has.", key, IsAsOf: false);
            }

            foreach (var value in FreeTextKeys.Contains(key) ? [] : values)
            {
                if (value is not null && Unreadable(value) is { } c)
                {
                    return new AddressProblem($"The value of “{Printable(key)}” holds {What(c)}, which no address of the wiki has.", key, IsAsOf: false);
                }
            }
        }

        return null;
    }

    /// <summary>The first control character or lone surrogate of <paramref name="text"/>, else null.</summary>
    public static char? Unreadable(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return c;
            }
        }

        return UnicodeText.LoneSurrogateAt(text) is >= 0 and var at ? text[at] : null;
    }

    private static string What(char c) =>
        (char.IsSurrogate(c) ? "half of a surrogate pair" : "a control character") + $" (U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)})";

    /// <summary>A name or address as a message and the log may show it: short, and without control characters.</summary>
    private static string Printable(string text) =>
        new([.. text.Take(80).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c)]);

    private static QueryString QueryWithout(IQueryCollection query, string key) =>
        QueryString.Create(query.Where(q => !string.Equals(q.Key, key, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))));
}

/// <summary>
/// Why a request's address was refused: the message, the query key at fault (null for a route value), whether it was
/// the asOf; and, for the bad-address page, the page asked for with its other query values.
/// </summary>
public sealed record AddressProblem(string Message, string? QueryKey, bool IsAsOf)
{
    public PathString Path { get; init; }

    public QueryString QueryWithoutKey { get; init; }
}
