using System.Globalization;

namespace JimPam.Wiki.Pages;

/// <summary>Times as the pages write them.</summary>
public static class TimeText
{
    /// <summary>For a &lt;time datetime&gt; attribute: UTC to the second ("2026-11-29T06:53:45Z"), as HTML allows at most milliseconds.</summary>
    public static string Machine(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>For people: "29 November 2026, 06:53 UTC".</summary>
    public static string Human(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
