using JimPam.Wiki.Data;

namespace JimPam.Wiki.Search;

/// <summary>The kinds of result as the search page and the API name them (<c>?type=episodes</c>), with their headings.</summary>
public static class SearchKinds
{
    public static readonly IReadOnlyList<(SearchKind Kind, string Key, string Heading)> All =
    [
        (SearchKind.Event, "story", "The story"),
        (SearchKind.Episode, "episodes", "Episodes"),
        (SearchKind.Character, "characters", "Characters"),
        (SearchKind.Joke, "jokes", "Recurring jokes"),
        (SearchKind.Relationship, "relationships", "Relationships"),
    ];

    /// <summary>The kind a key names (any case), or null for none.</summary>
    public static SearchKind? Of(string? key) =>
        All.FirstOrDefault(k => string.Equals(k.Key, key, StringComparison.OrdinalIgnoreCase)) is { Key: not null } known ? known.Kind : null;

    public static string KeyOf(SearchKind kind) => All.First(k => k.Kind == kind).Key;

    public static string HeadingOf(SearchKind kind) => All.First(k => k.Kind == kind).Heading;
}
