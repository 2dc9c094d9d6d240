using System.Globalization;
using JimPam.Wiki.Caching;
using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace JimPam.Wiki.Pages.Timeline;

/// <summary>
/// A relationship at a glance: a band per season laid out by air date, every event as a tick, milestones as numbered
/// markers linking to their text, and the status as coloured spans named in text. Server-drawn SVG, no script; the
/// ordered lists under each band say the same in words.
/// </summary>
[OutputCache(PolicyName = WikiPagePolicy.Name)]
public class IndexModel(WikiDbContext db) : PageModel
{
    public TimelineView? Timeline { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        if (await TimelineRead.LoadAsync(db, slug, SpoilerShield.Of(HttpContext), cancellationToken) is not { } read)
        {
            return NotFound();
        }

        if (this.RedirectToCanonical("/Timeline/Index", slug is null ? null : new { slug = read.Slug }) is { } redirect)
        {
            return redirect;
        }

        HttpContext.Tag(read.Tags);
        Timeline = Draw(read);
        Hidden = read.Hidden;
        return Page();
    }

    /// <summary>How many events the reader's spoiler shield keeps off the timeline.</summary>
    public int Hidden { get; private set; }

    /// <summary>Draws the story, or, under a spoiler shield, the story up to its episode and no further.</summary>
    private static TimelineView Draw(TimelineRead read)
    {
        var (story, end, relationship) = (read.Story, read.UpTo, read.Relationship);
        var shown = read.Events;
        var milestonesShown = read.Milestones;
        var statuses = story.Milestones.Select(m => m.Status).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        string StatusClass(string? name) => name is null ? "status-none" : $"status-{statuses.FindIndex(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase)) % 6 + 1}";

        var numbers = milestonesShown.Select((m, i) => (m.EventId, Number: i + 1)).ToDictionary(p => p.EventId, p => p.Number);
        var bands = new List<BandView>();
        foreach (var season in read.Seasons)
        {
            var events = shown.Where(e => e.Season == season.Number).ToList();
            var milestones = milestonesShown.Where(m => m.Point.Season == season.Number).ToList();
            // The reader's own season stops at their episode.
            double? cut = end is { } stop && stop.Season == season.Number ? Position(story, season, stop, story.EpisodeAt(stop)?.AirDate) : null;
            double At(EpisodePoint point, DateOnly? date) => Position(story, season, point, date);

            // The status a season starts with, then each change inside it.
            var spans = new List<StatusSpan>();
            var current = milestonesShown.LastOrDefault(m => m.Status is not null && m.Point < season.First)?.Status;
            var from = 0.0;
            foreach (var change in milestones.Where(m => m.Status is not null))
            {
                var x = At(change.Point, change.Date);
                if (x > from)
                {
                    spans.Add(new StatusSpan(current, StatusClass(current), from, x));
                }

                (current, from) = (change.Status, x);
            }

            spans.Add(new StatusSpan(current, StatusClass(current), from, Math.Max(from, cut ?? 100)));

            var markers = new List<MarkerView>();
            var laneEnds = new List<double>();
            foreach (var milestone in milestones)
            {
                var x = Math.Clamp(At(milestone.Point, milestone.Date), MarkerInset, 100 - MarkerInset);
                var lane = laneEnds.FindIndex(end => x - end >= MarkerSpacing);
                if (lane < 0)
                {
                    laneEnds.Add(x);
                    lane = laneEnds.Count - 1;
                }
                else
                {
                    laneEnds[lane] = x;
                }

                markers.Add(new MarkerView(numbers[milestone.EventId], milestone, x, lane, milestone.Status is null ? null : StatusClass(milestone.Status)));
            }

            bands.Add(new BandView(
                season.Number,
                season.Start,
                season.End,
                events.Count,
                Stack([.. events.Select(e => Math.Clamp(At(e.Point, e.Date), 0, 99.6))]),
                spans,
                markers,
                Math.Max(1, laneEnds.Count),
                cut,
                relationship));
        }

        return new TimelineView(read.Title, relationship, read.Status, read.StatusNow, bands, shown.Count, milestonesShown.Count, end);
    }

    /// <summary>Ticks that would fall on the same spot stack up, so a busy week looks busy: each tick's place and level.</summary>
    private static IReadOnlyList<Tick> Stack(IReadOnlyList<double> places)
    {
        var levels = new Dictionary<int, int>();
        return [.. places.Select(x =>
        {
            var slot = (int)Math.Round(x / TickWidth);
            levels[slot] = levels.GetValueOrDefault(slot) + 1;
            return new Tick(x, levels[slot] - 1);
        })];
    }

    /// <summary>Ticks closer than this (in percent of the band) share a spot.</summary>
    private const double TickWidth = 0.6;

    /// <summary>How far markers stay from a band's ends, and apart within a lane, in percent of its width.</summary>
    private const double MarkerInset = 2.5, MarkerSpacing = 6;

    /// <summary>A point's place in its season's band: by air date where both it and the season have them, else by episode number.</summary>
    private static double Position(Chronology story, SeasonSpan season, EpisodePoint point, DateOnly? date)
    {
        if (point.Season != season.Number)
        {
            return point < season.First ? 0 : 100;
        }

        if (date is { } d && season.Start is { } start && season.End is { } end && end > start)
        {
            return Math.Clamp((d.DayNumber - start.DayNumber) * 100.0 / (end.DayNumber - start.DayNumber), 0, 100);
        }

        var count = story.Episodes.Count(e => e.Point.Season == season.Number);
        return count <= 1 ? 50 : Math.Clamp((point.Number - 1) * 100.0 / (count - 1), 0, 100);
    }

    public static string Percent(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "date unknown";

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The drawing; <paramref name="End"/> is the reader's episode when a spoiler shield stops it there.</summary>
    public sealed record TimelineView(string Title, string? Relationship, string ArticleStatus, string? FinalStatus, IReadOnlyList<BandView> Bands, int Events, int Milestones, EpisodePoint? End);

    public sealed record BandView(int Season, DateOnly? Start, DateOnly? End, int Events, IReadOnlyList<Tick> Ticks, IReadOnlyList<StatusSpan> Spans, IReadOnlyList<MarkerView> Markers, int Lanes, double? Cut = null, string? Relationship = null)
    {
        /// <summary>The top of the status track, below the marker lanes.</summary>
        public int TrackY => 18 * Lanes + 6;

        public int Height => TrackY + 30 + 5 * (Ticks.Count == 0 ? 1 : Ticks.Max(t => t.Level) + 1);
    }

    /// <summary>An event's tick: its place in the band, and how many ticks already stand on that spot.</summary>
    public sealed record Tick(double At, int Level);

    /// <summary>A stretch of a band under one status (null: before the first status milestone).</summary>
    public sealed record StatusSpan(string? Status, string CssClass, double From, double To);

    public sealed record MarkerView(int Number, StoryMilestone Milestone, double At, int Lane, string? StatusClass);
}
