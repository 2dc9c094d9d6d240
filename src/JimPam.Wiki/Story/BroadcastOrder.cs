using System.Linq.Expressions;
using JimPam.Wiki.Data;

namespace JimPam.Wiki.Story;

/// <summary>
/// The show's broadcast order, as queries sort by it: by season, then by number in the season (<see cref="KeyOf"/>, the one definition of
/// that order for the episode list, the sitemap, the editors' index, every list of cited episodes and an episode's
/// neighbours); its place for a reader is <see cref="EpisodePoint"/>.
/// </summary>
public static class BroadcastOrder
{
    /// <summary>An episode's place in the order as one number (its <see cref="EpisodePoint.Ordinal"/>), as a query computes it.</summary>
    private static readonly Expression<Func<Episode, int>> KeyOf = e => e.Season.Number * EpisodePoint.OrdinalSeason + e.NumberInSeason;

    /// <summary>Episodes, first aired first.</summary>
    public static IOrderedQueryable<Episode> InBroadcastOrder(this IQueryable<Episode> episodes) => episodes.InBroadcastOrder(e => e);

    /// <summary>Rows that name an episode (a citation), in the order their episodes aired.</summary>
    public static IOrderedQueryable<TRow> InBroadcastOrder<TRow>(this IQueryable<TRow> rows, Expression<Func<TRow, Episode>> episode) =>
        rows.OrderBy(Of(episode, KeyOf));

    /// <summary>
    /// An episode's place in the order, for use inside a query that <see cref="Expand{TRow, TResult}"/> has prepared (a projection's
    /// subquery, where EF Core cannot call a method): <c>Key(o) &lt; Key(e)</c> is "o aired before e".
    /// </summary>
    public static int Key(Episode episode) => throw new InvalidOperationException("BroadcastOrder.Key is only for queries prepared by BroadcastOrder.Expand.");

    /// <summary>The query with every <see cref="Key"/> written out as the expression it stands for.</summary>
    public static Expression<Func<TRow, TResult>> Expand<TRow, TResult>(Expression<Func<TRow, TResult>> query) => (Expression<Func<TRow, TResult>>)new KeyExpander().Visit(query);

    /// <summary><paramref name="part"/> of the episode that <paramref name="episode"/> names, as one expression EF Core translates.</summary>
    private static Expression<Func<TRow, int>> Of<TRow>(Expression<Func<TRow, Episode>> episode, Expression<Func<Episode, int>> part) =>
        Expression.Lambda<Func<TRow, int>>(new Substitute(part.Parameters[0], episode.Body).Visit(part.Body), episode.Parameters);

    private sealed class Substitute(ParameterExpression parameter, Expression with) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? with : base.VisitParameter(node);
    }

    private sealed class KeyExpander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method.DeclaringType == typeof(BroadcastOrder) && node.Method.Name == nameof(Key)
                ? new Substitute(KeyOf.Parameters[0], Visit(node.Arguments[0])).Visit(KeyOf.Body)
                : base.VisitMethodCall(node);
    }
}
