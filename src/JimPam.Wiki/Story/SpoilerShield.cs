using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>Hides anything at the latest of these points (a joke citing any later episode).</summary>
    public bool HidesAny(IEnumerable<EpisodePoint> points) => UpTo is not null && !Lifted && points.Any(Hides);

    /// <summary>Hides this part of the story (one the chronology does not know, being deleted or new, stays shown).</summary>
    public bool HidesEvent(Chronology story, int eventId) => story.Event(eventId) is { } placed && Hides(placed.Point);

    /// <summary>The parts of the story among these that the reader may see (all of them when nothing is hidden).</summary>
    public async Task<List<T>> ShownEventsAsync<T>(WikiDbContext db, IReadOnlyList<T> events, Func<T, int> idOf, Func<T, int> relationshipOf, CancellationToken cancellationToken)
    {
        if (!Active || events.Count == 0)
        {
            return [.. events];
        }

        var story = await Chronology.LoadAsync(db, [.. events.Select(relationshipOf).Distinct()], cancellationToken);
        return [.. events.Where(e => !HidesEvent(story, idOf(e)))];
    }

    /// <summary>The jokes the reader may see: those that cite no episode after the shield's.</summary>
    public async Task<List<T>> ShownJokesAsync<T>(IQueryable<JokeCitation> citations, IEnumerable<T> jokes, Func<T, int> idOf, CancellationToken cancellationToken)
    {
        var points = await JokePointsAsync(citations, cancellationToken);
        return [.. jokes.Where(j => !HidesAny(points[idOf(j)]))];
    }

    /// <summary>Whether this page has to work out what to hide at all.</summary>
    public bool Active => On && !Lifted;

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

    /// <summary>The points of the episodes the jokes of these citation rows cite, by joke.</summary>
    private static async Task<ILookup<int, EpisodePoint>> JokePointsAsync(IQueryable<JokeCitation> citations, CancellationToken cancellationToken) =>
        (await citations.AsNoTracking()
            .Select(c => new { c.JokeId, Season = c.Episode.Season.Number, c.Episode.NumberInSeason })
            .ToListAsync(cancellationToken))
        .ToLookup(c => c.JokeId, c => new EpisodePoint(c.Season, c.NumberInSeason));
}
