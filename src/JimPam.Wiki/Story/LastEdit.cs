using System.Globalization;
using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Story;

/// <summary>Who last changed an entry and when, for the "last edited by X, N ago" line of a public page.</summary>
public sealed record LastEdit(string Author, DateTimeOffset At, string Type, int Id)
{
    /// <summary>The latest revision of one entry.</summary>
    public static Task<LastEdit?> OfAsync(WikiDbContext db, string type, int id, CancellationToken cancellationToken) =>
        db.Revisions.AsNoTracking()
            .Where(r => r.EntityType == type && r.EntityId == id)
            .OrderByDescending(r => r.Number)
            .Select(r => new LastEdit(r.Author, r.SavedAt, type, id))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The latest revision of any of these events (a season's story, deleted events included). The caller has the
    /// events already; starting from the revisions instead reads every event revision of the wiki (EXPLAIN QUERY PLAN).
    /// </summary>
    public static async Task<LastEdit?> OfEventsAsync(WikiDbContext db, IReadOnlyList<int> eventIds, CancellationToken cancellationToken)
    {
        var latest = await db.Revisions.AsNoTracking()
            .Where(r => r.EntityType == Revision.EventType && eventIds.Contains(r.EntityId))
            .OrderByDescending(r => r.Id)
            .Select(r => new { r.Author, r.SavedAt, r.EntityId })
            .FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : new LastEdit(latest.Author, latest.SavedAt, Revision.EventType, latest.EntityId);
    }

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
