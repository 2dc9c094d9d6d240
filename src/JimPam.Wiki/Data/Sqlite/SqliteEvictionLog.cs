using System.IO.MemoryMappedFiles;
using Microsoft.Data.Sqlite;

namespace JimPam.Wiki.Data.Sqlite;

/// <summary>
/// How every instance on one database learns which cached pages another instance's save made stale. Each save that
/// evicts pages writes the evicted tags as a row of <c>CacheEvictions</c> once it has committed (before its answer
/// leaves), then that row's number into a file of 8 bytes beside the database (<c>wiki.db-evictions</c>), which every
/// instance maps into memory. Before each cacheable read an instance compares that number with the one it last saw:
/// a read of memory, nothing more, unless it changed; then it reads the new rows and evicts their tags. So the next
/// read after a save's answer, on any instance, renders the change. (Asking SQLite itself, with
/// <c>PRAGMA data_version</c>, cost a fifth of a cached page's throughput: SQLite takes the file's locks for it.)
/// Rows older than <see cref="EvictionLog.Kept"/> are deleted as new ones are written (pages live a minute at most).
/// The SQLite side of the seam: instances on one SQLite file share a machine (PostgreSQL's instances tell each other
/// with LISTEN/NOTIFY: <see cref="Postgres.PostgresEvictionLog"/>).
/// </summary>
public sealed class SqliteEvictionLog(string connectionString) : EvictionLog
{
    private readonly Lock _gate = new();
    private MemoryMappedFile? _file;
    private MemoryMappedViewAccessor? _stamp;
    private SqliteConnection? _connection;
    private long _seenStamp = -1;
    private long _seen = -1;
    private bool _unusable;

    /// <summary>The file beside the database that holds the number of the latest eviction row.</summary>
    public static string StampPath(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource + "-evictions";

    /// <summary>
    /// Writes the tags a committed save evicted, for the other instances, on a connection of its own (the save's is
    /// still closing its transaction), then stamps its number.
    /// </summary>
    public override async Task AppendAsync(IReadOnlyCollection<string> tags, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var write = connection.CreateCommand();
        write.CommandText = """
            INSERT INTO CacheEvictions (Tags, At) VALUES ($tags, $at);
            SELECT last_insert_rowid();
            DELETE FROM CacheEvictions WHERE At < $before;
            """;
        write.Parameters.AddWithValue("$tags", string.Join('\n', tags));
        write.Parameters.AddWithValue("$at", now.UtcDateTime);
        write.Parameters.AddWithValue("$before", (now - Kept).UtcDateTime);
        var id = (long)(await write.ExecuteScalarAsync(cancellationToken))!;
        lock (_gate)
        {
            Stamp()?.Write(0, id);
        }
    }

    /// <summary>
    /// The tags evicted by saves committed since the last call (the first call only marks where to start). Runs on
    /// every cacheable read: a read of the mapped stamp, and the table only when it changed.
    /// </summary>
    public override IReadOnlyList<string> SinceLast()
    {
        lock (_gate)
        {
            if (Stamp() is not { } mapped)
            {
                return [];
            }

            var stamp = mapped.ReadInt64(0);
            if (stamp == _seenStamp)
            {
                return [];
            }

            _seenStamp = stamp;
            if (_connection is null)
            {
                _connection = new SqliteConnection(connectionString);
                _connection.Open();
            }

            using var read = _connection.CreateCommand();
            if (_seen < 0)
            {
                // A new cache holds nothing older than now.
                read.CommandText = "SELECT COALESCE(MAX(Id), 0) FROM CacheEvictions";
                _seen = (long)read.ExecuteScalar()!;
                return [];
            }

            read.CommandText = "SELECT Id, Tags FROM CacheEvictions WHERE Id > $seen ORDER BY Id";
            read.Parameters.AddWithValue("$seen", _seen);
            var tags = new List<string>();
            using var rows = read.ExecuteReader();
            while (rows.Read())
            {
                _seen = rows.GetInt64(0);
                tags.AddRange(rows.GetString(1).Split('\n'));
            }

            return tags;
        }
    }

    /// <summary>
    /// The mapped stamp, or null when its file cannot be made or opened (a folder in its place, a file of another
    /// user): then this instance neither tells nor hears of other instances' evictions, and serves on. The save's
    /// warning (<c>CacheEviction</c>) says that other instances may show old pages.
    /// </summary>
    private MemoryMappedViewAccessor? Stamp()
    {
        if (_stamp is null && !_unusable)
        {
            try
            {
                _file = MemoryMappedFile.CreateFromFile(StampPath(connectionString), FileMode.OpenOrCreate, mapName: null, capacity: sizeof(long), MemoryMappedFileAccess.ReadWrite);
                _stamp = _file.CreateViewAccessor(0, sizeof(long));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _unusable = true;
                Unusable = $"the stamp file {StampPath(connectionString)} cannot be used: {e.Message}";
            }
        }

        return _stamp;
    }

    public override void Dispose()
    {
        _stamp?.Dispose();
        _file?.Dispose();
        _connection?.Dispose();
        base.Dispose();
    }
}
