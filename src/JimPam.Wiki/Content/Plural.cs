using System.Globalization;

namespace JimPam.Wiki.Content;

/// <summary>"1 paragraph", "2 paragraphs": counts as people write them.</summary>
public static class Plural
{
    public static string Of(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
