namespace JimPam.Wiki.Story;

/// <summary>
/// The reader's spoiler shield: "I have watched up to Season S, Episode E", kept in a cookie. While it is on, pages
/// hide what happens after that episode, unless the reader asked to see it on this page (<c>?spoilers=show</c>).
/// With no cookie (or one that names no episode) nothing is hidden, and pages are exactly as without a shield.
/// </summary>
public sealed record SpoilerShield(EpisodePoint? UpTo, bool Lifted)
{
    public const string CookieName = "watched";

    /// <summary>The query key, and its value, by which a reader sees a page's hidden parts after all.</summary>
    public const string ShowKey = "spoilers", ShowValue = "show";

    private static readonly object ItemKey = new();

    public static readonly SpoilerShield Off = new(null, false);

    /// <summary>A shield is up: the reader has said where they are.</summary>
    public bool On => UpTo is not null;

    /// <summary>Something at this point is hidden from the reader.</summary>
    public bool Hides(EpisodePoint point) => UpTo is { } upTo && !Lifted && point > upTo;

    /// <summary>Whether this page has to work out what to hide at all.</summary>
    public bool Active => On && !Lifted;

    /// <summary>
    /// The ordinal of the reader's episode when something is hidden, else null: a query shows a part, a milestone or a
    /// joke whose stored point is at most this (<c>upTo == null || e.Point &lt;= upTo</c>), the one rule of the shield.
    /// </summary>
    public int? Ordinal => Active ? UpTo!.Value.Ordinal : null;

    /// <summary>The shield's part of a cached page's key: pages for different shields are different pages.</summary>
    public string CacheKey => UpTo is { } upTo ? upTo.Code + (Lifted ? "+shown" : "") : "";

    /// <summary>
    /// The shield of this request, read once: the episode its <c>asOf</c> names (<see cref="AsOfQuery"/>), else the
    /// reader's cookie. <c>?spoilers=show</c> lifts either on one page.
    /// </summary>
    public static SpoilerShield Of(HttpContext http)
    {
        if (http.Items.TryGetValue(ItemKey, out var known) && known is SpoilerShield shield)
        {
            return shield;
        }

        var query = http.Request.Query;

        // Most readers send no cookie and no asOf at all: their answer costs nothing (this runs on every cached read).
        var asOf = query.Count > 0 ? AsOfQuery.PointOf(query) : null;
        if (asOf is null && Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(http.Request.Headers.Cookie))
        {
            return Off;
        }

        var upTo = asOf ?? (http.Request.Cookies.TryGetValue(CookieName, out var value) ? EpisodePoint.Parse(value) : null);
        shield = upTo is null ? Off : new SpoilerShield(upTo, string.Equals(query[ShowKey], ShowValue, StringComparison.Ordinal));
        http.Items[ItemKey] = shield;
        return shield;
    }

    /// <summary>The shield of an API request: its <c>asOf</c> only, never the reader's cookie, so an answer is the same for every client.</summary>
    public static SpoilerShield OfAsOf(HttpContext http) =>
        AsOfQuery.PointOf(http.Request.Query) is { } point ? new SpoilerShield(point, false) : Off;
}
