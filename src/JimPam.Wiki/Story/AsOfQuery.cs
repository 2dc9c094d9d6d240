using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Story;

/// <summary>
/// The <c>asOf</c> query parameter, with one meaning on every page and API resource: "show me only what a viewer who
/// has watched up to this episode may see" (<c>?asOf=s04e01</c>, any case, leading zeros optional). Absent or empty,
/// it asks for nothing. Otherwise it must name an episode of the catalogue in ASCII digits; anything else is a 400
/// that says why, before any page or resource is read (<see cref="JimPam.Wiki.Infrastructure.AddressCheck"/>).
/// </summary>
public static class AsOfQuery
{
    public const string Key = "asOf";

    /// <summary>The episode the request's asOf names, or null when it has none (or an empty one), or a malformed one.</summary>
    public static EpisodePoint? PointOf(IQueryCollection query) => Read(query).Point;

    /// <summary>Whether the request gives a non-empty asOf at all.</summary>
    public static bool Given(IQueryCollection query) =>
        query.TryGetValue(Key, out var values) && values.Any(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>What is wrong with the request's asOf (malformed, given twice, or naming no episode), or null when nothing is.</summary>
    public static async Task<string?> ProblemAsync(IQueryCollection query, WikiDbContext db, CancellationToken cancellationToken)
    {
        var (point, problem) = Read(query);
        if (problem is not null || point is not { } p)
        {
            return problem;
        }

        var known = await db.Episodes.AnyAsync(e => !e.Deleted && e.Season.Number == p.Season && e.NumberInSeason == p.Number, cancellationToken);
        return known ? null : $"asOf={p.Code}: there is no {p} in the catalogue.";
    }

    private static (EpisodePoint? Point, string? Problem) Read(IQueryCollection query)
    {
        if (!Given(query))
        {
            return (null, null);
        }

        var values = query[Key];
        if (values.Count > 1)
        {
            return (null, "asOf is given more than once. Give one episode, such as asOf=s04e01.");
        }

        var raw = values[0]!;
        return EpisodePoint.Parse(raw) is { } point
            ? (point, null)
            : (null, $"asOf=“{Printable(raw)}” is not an episode. Write it as season and episode in digits, such as s04e01.");
    }

    /// <summary>The value as a message may show it: short, without control characters.</summary>
    private static string Printable(string raw) =>
        raw.Length > 40 ? new string([.. raw.Take(40).Select(c => char.IsControl(c) ? '?' : c)]) + "…" : new string([.. raw.Select(c => char.IsControl(c) ? '?' : c)]);
}
