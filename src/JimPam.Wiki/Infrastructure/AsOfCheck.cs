using JimPam.Wiki.Data;
using JimPam.Wiki.Story;

namespace JimPam.Wiki.Infrastructure;

/// <summary>
/// Checks the <c>asOf</c> of every read (<see cref="AsOfQuery"/>) before a cached page or any page or resource is
/// served: a malformed one, one given twice, or one naming no episode is a 400 that says why, on every page (the
/// "bad address" page, with a link to the page without it) and every API resource (a problem document), whether or
/// not that page or resource uses it. An empty <c>asOf</c> is no asOf.
/// </summary>
public static class AsOfCheck
{
    public const string ProblemPage = "/bad-address";

    public static IApplicationBuilder UseAsOfCheck(this IApplicationBuilder app, Func<HttpContext, bool> isApi) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !AsOfQuery.Given(request.Query)
                || await AsOfQuery.ProblemAsync(request.Query, context.RequestServices.GetRequiredService<WikiDbContext>(), context.RequestAborted) is not { } problem)
            {
                await next(context);
                return;
            }

            RequestLogReason.Set(context, problem);
            if (isApi(context))
            {
                await TypedResults.Problem(detail: problem, statusCode: StatusCodes.Status400BadRequest, title: "Bad request", instance: request.Path + request.QueryString).ExecuteAsync(context);
                return;
            }

            // The bad-address page, in place of the page asked for (as the not-found page is shown).
            var (path, query) = (request.Path, request.QueryString);
            context.Features.Set(new AsOfProblem(problem, path, QueryWithout(request.Query, AsOfQuery.Key)));
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

    private static QueryString QueryWithout(IQueryCollection query, string key) =>
        QueryString.Create(query.Where(q => !string.Equals(q.Key, key, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))));
}

/// <summary>Why a request's <c>asOf</c> was refused, and the page it asked for (with its other query values), for the bad-address page.</summary>
public sealed record AsOfProblem(string Message, PathString Path, QueryString QueryWithoutAsOf);
