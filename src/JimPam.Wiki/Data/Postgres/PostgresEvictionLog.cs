using System.Collections.Concurrent;
using Npgsql;

namespace JimPam.Wiki.Data.Postgres;

/// <summary>
/// How the instances on one PostgreSQL database tell each other which cached pages a save made stale: each instance
/// keeps one connection that LISTENs on <see cref="Channel"/>, named <c>jimpam-listener:{instance}</c>. A committed
/// save's tags go out with <c>pg_notify</c>, in the same statement that lists the listening instances
/// (<c>pg_stat_activity</c>); every instance that hears them queues them for its cache and answers with an
/// acknowledgement on the same channel, and the save waits (at most <see cref="EchoTimeout"/>) until every listed
/// instance has answered. Every instance drains what it queued before each cacheable read, so the next read after
/// a save's answer renders the change, on whatever machine it lands. (Waiting only for its own instance to hear the
/// notice back left 1 stale read in 200: another instance can be a moment later.) A listener that loses its connection empties its
/// own cache when it is back, since it may have missed evictions meanwhile; while it is away the instance serves its
/// cached pages on (saves cannot happen while the database is away).
/// </summary>
public sealed class PostgresEvictionLog : EvictionLog
{
    public const string Channel = "jimpam_evictions";

    /// <summary>The longest a save waits for every instance to acknowledge its notice.</summary>
    public static readonly TimeSpan EchoTimeout = TimeSpan.FromSeconds(2);

    /// <summary>A notification's payload may not exceed 8000 bytes; a save that evicts more says "everything".</summary>
    private const int MostPayload = 7900;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;
    private readonly string _instance = Guid.NewGuid().ToString("N")[..12];
    private readonly ConcurrentQueue<string> _heard = new();
    private readonly ConcurrentDictionary<string, Waiting> _waiting = new();

    private const string ListenerName = "jimpam-listener:", Ack = "ack";

    /// <summary>A save's notice, and the instances whose acknowledgement it still waits for.</summary>
    private sealed class Waiting
    {
        public readonly TaskCompletionSource All = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly HashSet<string> _heardFrom = [];
        private HashSet<string>? _expected;

        public void Heard(string instance)
        {
            lock (_heardFrom)
            {
                _heardFrom.Add(instance);
                Check();
            }
        }

        public void Expect(IEnumerable<string> instances)
        {
            lock (_heardFrom)
            {
                _expected = [.. instances];
                Check();
            }
        }

        public string Missing()
        {
            lock (_heardFrom)
            {
                return string.Join(", ", (_expected ?? []).Except(_heardFrom));
            }
        }

        private void Check()
        {
            if (_expected is not null && _expected.IsSubsetOf(_heardFrom))
            {
                All.TrySetResult();
            }
        }
    }
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _listening;
    private long _sent;
    private volatile bool _missed;

    public PostgresEvictionLog(NpgsqlDataSource dataSource, ILogger<PostgresEvictionLog> logger)
    {
        _dataSource = dataSource;
        _logger = logger;
    }

    /// <summary>Listens before the first request, so no save by another instance goes unheard by this one's cache.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        Listen();
        if (await Task.WhenAny(_first.Task, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken)) != _first.Task)
        {
            _logger.LogWarning("Not yet listening for other instances' evictions after 10 s; serving meanwhile, and dropping this instance's cached pages once listening");
        }
    }

    public override async Task AppendAsync(IReadOnlyCollection<string> tags, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Listen();
        var id = $"{_instance}:{Interlocked.Increment(ref _sent)}";
        var payload = id + "\n" + string.Join('\n', tags);
        if (System.Text.Encoding.UTF8.GetByteCount(payload) > MostPayload)
        {
            payload = id + "\n" + All;
        }

        var waiting = new Waiting();
        _waiting[id] = waiting;
        try
        {
            // One statement, one transaction: the listeners are listed before the notice is delivered (at commit).
            await using (var notify = _dataSource.CreateCommand(
                "SELECT substr(application_name, @prefixLength + 1) FROM pg_stat_activity, pg_notify(@channel, @payload) " +
                "WHERE datname = current_database() AND starts_with(application_name, @prefix)"))
            {
                notify.Parameters.AddWithValue("channel", Channel);
                notify.Parameters.AddWithValue("payload", payload);
                notify.Parameters.AddWithValue("prefix", ListenerName);
                notify.Parameters.AddWithValue("prefixLength", ListenerName.Length);
                var listening = new List<string>();
                await using var rows = await notify.ExecuteReaderAsync(cancellationToken);
                while (await rows.ReadAsync(cancellationToken))
                {
                    listening.Add(rows.GetString(0));
                }

                waiting.Expect(listening);
            }

            if (await Task.WhenAny(waiting.All.Task, Task.Delay(EchoTimeout, cancellationToken)) != waiting.All.Task)
            {
                _logger.LogWarning("No acknowledgement of evicted pages within {Timeout} from the instance(s) {Instances}; they may show the old page a moment longer", EchoTimeout, waiting.Missing());
            }
        }
        finally
        {
            _waiting.TryRemove(id, out _);
        }
    }

    public override IReadOnlyList<string> SinceLast()
    {
        Listen();
        if (_heard.IsEmpty && !_missed)
        {
            return [];
        }

        var tags = new List<string>();
        if (_missed)
        {
            _missed = false;
            tags.Add(All);
        }

        while (_heard.TryDequeue(out var tag))
        {
            tags.Add(tag);
        }

        return tags;
    }

    /// <summary>Starts the listener once.</summary>
    private void Listen()
    {
        if (_listening is not null)
        {
            return;
        }

        lock (_gate)
        {
            _listening ??= Task.Run(() => ListenAsync(_stop.Token));
        }
    }

    private async Task ListenAsync(CancellationToken stop)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        string? outage = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(stop);
                connection.Notification += (_, e) => Heard(e.Payload);
                await using (var listen = new NpgsqlCommand($"SET application_name = '{ListenerName}{_instance}'; LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stop);
                }

                // Whatever was saved while this instance was not listening is unknown: its cached pages go (at the
                // first start there are none to lose, unless the first attempt failed).
                _missed = _first.Task.IsCompleted || outage is not null;
                _first.TrySetResult();
                Unusable = null;
                delay = TimeSpan.FromMilliseconds(100);
                if (outage is not null)
                {
                    _logger.LogInformation("Listening for other instances' evictions again; this instance's cached pages were dropped");
                    outage = null;
                }

                while (!stop.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(TimeSpan.FromSeconds(30), stop))
                    {
                        // Quiet for a while: make sure the connection is still there.
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stop);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Unusable = $"the eviction channel of the database is not reachable: {e.Message}";
                if (outage is null)
                {
                    outage = e.Message;
                    _logger.LogWarning("Not hearing other instances' evictions ({Problem}); retrying. This instance serves its cached pages meanwhile", e.Message);
                }

                try
                {
                    await Task.Delay(delay, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    /// <summary>A notice (<c>id</c>, then its tags) or an acknowledgement (<c>ack</c>, the notice's id, the instance).</summary>
    private void Heard(string payload)
    {
        var lines = payload.Split('\n');
        if (lines[0] == Ack)
        {
            if (lines.Length == 3 && _waiting.TryGetValue(lines[1], out var waiting))
            {
                waiting.Heard(lines[2]);
            }

            return;
        }

        if (lines[0].StartsWith(_instance + ":", StringComparison.Ordinal))
        {
            // Its own: this instance evicted those pages before it told the others.
            if (_waiting.TryGetValue(lines[0], out var own))
            {
                own.Heard(_instance);
            }

            return;
        }

        foreach (var tag in lines.AsSpan(1))
        {
            _heard.Enqueue(tag);
        }

        _ = AcknowledgeAsync(lines[0]);
    }

    /// <summary>Tells the saving instance that this one has queued its tags (and evicts them before its next read).</summary>
    private async Task AcknowledgeAsync(string id)
    {
        try
        {
            await using var ack = _dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
            ack.Parameters.AddWithValue("channel", Channel);
            ack.Parameters.AddWithValue("payload", $"{Ack}\n{id}\n{_instance}");
            await ack.ExecuteNonQueryAsync(_stop.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogDebug("Could not acknowledge eviction notice {Id}: {Problem}", id, e.Message);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override void Dispose()
    {
        _stop.Cancel();
        try
        {
            _listening?.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
        base.Dispose();
    }
}
