using JimPam.Wiki.Data;

namespace JimPam.Wiki.Search;

/// <summary>
/// The kinds of result as the search page and the API name them (<c>?type=episodes</c>), with their headings. The keys
/// are the glossary's words; a key an earlier version used (<c>story</c>) still names its kind.
/// </summary>
public static class SearchKinds
{
    public static readonly IReadOnlyList<(SearchKind Kind, string Key, string Heading)> All =
    [
        (SearchKind.Event, "events", "The story"),
        (SearchKind.Episode, "episodes", "Episodes"),
        (SearchKind.Character, "characters", "Characters"),
        (SearchKind.Joke, "jokes", "Recurring jokes"),
        (SearchKind.Relationship, "relationships", "Relationships"),
    ];

    /// <summary>Keys an earlier version used, and the kind each names.</summary>
    public static readonly IReadOnlyDictionary<string, SearchKind> Retired = new Dictionary<string, SearchKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["story"] = SearchKind.Event,
    };

    /// <summary>The kind a key names (any case, a retired key too), or null for none.</summary>
    public static SearchKind? Of(string? key) =>
        All.FirstOrDefault(k => string.Equals(k.Key, key, StringComparison.OrdinalIgnoreCase)) is { Key: not null } known ? known.Kind
        : key is not null && Retired.TryGetValue(key, out var retired) ? retired
        : null;

    public static string KeyOf(SearchKind kind) => All.First(k => k.Kind == kind).Key;

    public static string HeadingOf(SearchKind kind) => All.First(k => k.Kind == kind).Heading;
}
