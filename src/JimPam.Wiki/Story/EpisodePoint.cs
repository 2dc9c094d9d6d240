using System.Globalization;
using System.Text.RegularExpressions;

namespace JimPam.Wiki.Story;

/// <summary>
/// A place in the show's broadcast order: season and episode number. Written <c>s04e01</c> in addresses
/// (<c>?asOf=s04e01</c>); a reader who has watched up to it has seen every episode at or before it.
/// </summary>
public readonly partial record struct EpisodePoint(int Season, int Number) : IComparable<EpisodePoint>
{
    [GeneratedRegex(@"^[sS]([0-9]{1,2})[eE]([0-9]{1,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    /// <summary>The point a code such as <c>s04e01</c> (any case, with or without leading zeros) names, or null.</summary>
    public static EpisodePoint? Parse(string? code)
    {
        var match = CodePattern().Match(code?.Trim() ?? "");
        return match.Success
            && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var season)
            && int.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && season > 0 && number > 0
            ? new EpisodePoint(season, number)
            : null;
    }

    /// <summary>
    /// The point as one number that sorts as the points do (season × 10,000 + episode), the form the database keeps
    /// an event's place in, so a query can compare it with the reader's.
    /// </summary>
    public int Ordinal => Season * OrdinalSeason + Math.Min(Number, OrdinalSeason - 1);

    /// <summary>How far apart two seasons' ordinals are: more than any season has episodes.</summary>
    public const int OrdinalSeason = 10_000;

    public static EpisodePoint FromOrdinal(int ordinal) => new(ordinal / OrdinalSeason, ordinal % OrdinalSeason);

    public string Code => string.Create(CultureInfo.InvariantCulture, $"s{Season:00}e{Number:00}");

    public int CompareTo(EpisodePoint other) => Season != other.Season ? Season.CompareTo(other.Season) : Number.CompareTo(other.Number);

    public static bool operator <(EpisodePoint a, EpisodePoint b) => a.CompareTo(b) < 0;

    public static bool operator >(EpisodePoint a, EpisodePoint b) => a.CompareTo(b) > 0;

    public static bool operator <=(EpisodePoint a, EpisodePoint b) => a.CompareTo(b) <= 0;

    public static bool operator >=(EpisodePoint a, EpisodePoint b) => a.CompareTo(b) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Season {Season}, episode {Number}");
}
