namespace JimPam.Wiki.Data;

/// <summary>
/// How the instances on one database learn which cached pages another instance's save made stale: on SQLite through
/// a table and a stamp file beside the database (<see cref="Sqlite.SqliteEvictionLog"/>), on PostgreSQL through
/// LISTEN/NOTIFY (<see cref="Postgres.PostgresEvictionLog"/>). A save's tags are told after it commits and before
/// its answer leaves; every instance asks before each cacheable read, so the next read anywhere renders the change.
/// </summary>
public abstract class EvictionLog : IDisposable
{
    /// <summary>How long an eviction is kept for instances to read (pages live a minute at most).</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(10);

    /// <summary>The tag on every cached page: what a log tells when it cannot tell exactly (it lost messages, or they are too many).</summary>
    public const string All = "all";

    /// <summary>Starts hearing the other instances, before the first request is served.</summary>
    public virtual Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Tells every instance (this one too) the tags a committed save evicted.</summary>
    public abstract Task AppendAsync(IReadOnlyCollection<string> tags, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The tags evicted by saves committed since the last call (the first call only marks where to start). Runs on
    /// every cacheable read, so it must cost next to nothing when nothing changed.
    /// </summary>
    public abstract IReadOnlyList<string> SinceLast();

    /// <summary>Why the instances cannot tell each other, once that is known; null while they can.</summary>
    public string? Unusable { get; protected set; }

    public virtual void Dispose() => GC.SuppressFinalize(this);
}
