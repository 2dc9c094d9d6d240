using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Http.HttpResults;
using static JimPam.Wiki.Api.WikiApi;

namespace JimPam.Wiki.Api;

/// <summary>/api/v1/changes: the latest edits, as on the recent-changes page.</summary>
public static class ChangesApi
{
    public const int MaxCount = 500;

    /// <summary>As many as the recent-changes page and its feed show.</summary>
    public const int DefaultCount = RecentChangesQuery.Shown;

    public static void Map(RouteGroupBuilder group) =>
        group.MapRead("/", ListAsync).WithName("ListChanges").WithSummary("Recent changes")
            .WithDescription($"The latest revisions across the wiki, newest first: what changed, who saved it, when (ISO 8601) and why. count is 1 to {MaxCount} (default {DefaultCount}, as many as the recent-changes page and its feed show).")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Results<Ok<ChangeList>, ProblemHttpResult>> ListAsync(int? count, HttpContext http, WikiDbContext db, WikiAddresses site, CancellationToken cancellationToken)
    {
        if (count is < 1 or > MaxCount)
        {
            return BadRequest(http, $"count must be from 1 to {MaxCount}.");
        }

        var changes = await RecentChangesQuery.LoadAsync(db, count ?? DefaultCount, cancellationToken);
        return TypedResults.Ok(new ChangeList([.. changes.Select(c => new Change(
            c.Type, c.Id, c.Entry, c.Number, c.Author, c.SavedAt, c.Summary, site.Absolute(site.History(c.Type, c.Id))))]));
    }
}
