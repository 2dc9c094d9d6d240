namespace JimPam.Wiki.Pages;

/// <summary>
/// Where a couple's pages are. The wiki's first couple (<c>couple</c> null) has the root; the others live under
/// their slug, and their parts of a season page are chosen by <c>?couple=</c>.
/// </summary>
public static class StoryAddresses
{
    public static string Article(string? couple) => couple is null ? "/" : $"/relationships/{couple}";

    public static string Timeline(string? couple) => couple is null ? "/timeline" : $"/relationships/{couple}/timeline";

    /// <summary>A part of the story: its anchor on its season page.</summary>
    public static string Event(int season, string? couple, int eventId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/seasons/{season}{(couple is null ? "" : "?couple=" + Uri.EscapeDataString(couple))}#event-{eventId}");
}
