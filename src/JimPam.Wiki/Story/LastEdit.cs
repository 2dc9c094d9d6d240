using System.Globalization;
using JimPam.Wiki.Content;

namespace JimPam.Wiki.Story;

/// <summary>Who last changed an entry and when, for the "last edited by X, N ago" line of a public page.</summary>
public sealed record LastEdit(string Author, DateTimeOffset At, string Type, int Id)
{
    /// <summary>"just now", "5 minutes ago", "3 days ago", or the date when it is longer ago than a month.</summary>
    public string Ago(DateTimeOffset now)
    {
        var elapsed = now - At;
        return elapsed.TotalMinutes switch
        {
            < 1 => "just now",
            < 60 => $"{Plural.Of((int)elapsed.TotalMinutes, "minute")} ago",
            < 60 * 24 => $"{Plural.Of((int)elapsed.TotalHours, "hour")} ago",
            < 60 * 24 * 31 => $"{Plural.Of((int)elapsed.TotalDays, "day")} ago",
            _ => "on " + At.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        };
    }
}
