using System.Linq.Expressions;
using JimPam.Wiki.Data;

namespace JimPam.Wiki.Story;

/// <summary>
/// The show's broadcast order, as queries sort by it: by season, then by number in the season. The one definition of
/// that order for the episode list, the sitemap, the editors' index and every list of cited episodes; its place for a
/// reader is <see cref="EpisodePoint"/>.
/// </summary>
public static class BroadcastOrder
{
    /// <summary>Episodes, first aired first.</summary>
    public static IOrderedQueryable<Episode> InBroadcastOrder(this IQueryable<Episode> episodes) => episodes.InBroadcastOrder(e => e);

    /// <summary>Rows that name an episode (a citation), in the order their episodes aired.</summary>
    public static IOrderedQueryable<TRow> InBroadcastOrder<TRow>(this IQueryable<TRow> rows, Expression<Func<TRow, Episode>> episode) =>
        rows.OrderBy(Of(episode, e => e.Season.Number)).ThenBy(Of(episode, e => e.NumberInSeason));

    /// <summary><paramref name="part"/> of the episode that <paramref name="episode"/> names, as one expression EF Core translates.</summary>
    private static Expression<Func<TRow, int>> Of<TRow>(Expression<Func<TRow, Episode>> episode, Expression<Func<Episode, int>> part) =>
        Expression.Lambda<Func<TRow, int>>(new Substitute(part.Parameters[0], episode.Body).Visit(part.Body), episode.Parameters);

    private sealed class Substitute(ParameterExpression parameter, Expression with) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? with : base.VisitParameter(node);
    }
}
