using System.Data.Common;
using System.Diagnostics.Metrics;
using JimPam.Wiki.Entries;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JimPam.Wiki.Infrastructure;

/// <summary>
/// The wiki's own measurements, on the meter <see cref="MeterName"/>: saves by entry and outcome, page-cache lookups,
/// and the time of every database command. With ASP.NET Core's request meters they are what <c>/metrics</c> shows
/// (Hosting/<c>MetricsEndpoint</c>); without it they cost a counter's add.
/// </summary>
public sealed class WikiMetrics
{
    public const string MeterName = "JimPam.Wiki";

    private readonly Counter<long> _saves;
    private readonly Counter<long> _cacheLookups;
    private readonly Histogram<double> _commands;

    public WikiMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _saves = meter.CreateCounter<long>("jimpam.saves", "{save}", "Editors' saves, by entry and outcome: saved, merged, conflict, refused, failed (the storage refused it).");
        _cacheLookups = meter.CreateCounter<long>("jimpam.page_cache.lookups", "{lookup}", "Readers' page requests the output cache could answer, by result: hit or miss.");
        _commands = meter.CreateHistogram<double>("jimpam.db.command.duration", "s", "Time of each database command, by outcome: ok or failed.", tags: null,
            // A command takes from a tenth of a millisecond (a page's read) to seconds (a busy database's timeout).
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
    }

    /// <summary>A save's answer: <paramref name="entry"/> is the revision type ("event", "episode" …).</summary>
    public void Save(string entry, EntrySaveResult result) => _saves.Add(1, new("entry", entry), new("outcome", result switch
    {
        EntrySaveResult.Saved { MergedWith: not null } => "merged",
        EntrySaveResult.Saved => "saved",
        EntrySaveResult.Conflict => "conflict",
        _ => "refused",
    }));

    /// <summary>A save the storage refused (a full disk, a busy or read-only database): nothing was written.</summary>
    public void SaveFailed(string entry) => _saves.Add(1, new("entry", entry), new("outcome", "failed"));

    public void CacheLookup(bool hit) => _cacheLookups.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    public void Command(TimeSpan duration, bool failed) => _commands.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", failed ? "failed" : "ok"));

    /// <summary>Times every command EF Core sends (EF Core measures it; this records it).</summary>
    public sealed class CommandTiming(WikiMetrics metrics) : DbCommandInterceptor
    {
        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            metrics.Command(eventData.Duration, failed: false);
            return result;
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            metrics.Command(eventData.Duration, failed: false);
            return ValueTask.FromResult(result);
        }

        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            metrics.Command(eventData.Duration, failed: false);
            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            metrics.Command(eventData.Duration, failed: false);
            return ValueTask.FromResult(result);
        }

        public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
        {
            metrics.Command(eventData.Duration, failed: false);
            return result;
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            metrics.Command(eventData.Duration, failed: false);
            return ValueTask.FromResult(result);
        }

        public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => metrics.Command(eventData.Duration, failed: true);

        public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            metrics.Command(eventData.Duration, failed: true);
            return Task.CompletedTask;
        }
    }
}
