using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Entries;

/// <summary>The order in which the handlers of a write run: each may read what those before it wrote.</summary>
public enum AfterWriteStage
{
    /// <summary>The story's places (events' and jokes' points).</summary>
    Placement = 1,

    /// <summary>The search index's rows.</summary>
    Search = 2,

    /// <summary>The page cache, and the other instances' (only once the write has committed).</summary>
    Cache = 3,
}

/// <summary>
/// Derived data that a write must keep in step: told every row the write changed (<see cref="RowChange"/>), inside its
/// transaction, on its connection, by <see cref="EntryWriter"/>; and once more after the commit, for what must not
/// happen before it (a cached page evicted before the commit could be cached again from the old rows).
/// </summary>
public interface IAfterWrite
{
    AfterWriteStage Stage { get; }

    /// <summary>Inside the write's transaction. A handler that writes rows behind the change tracker adds their changes to <paramref name="changes"/>.</summary>
    Task WrittenAsync(WikiDbContext db, List<RowChange> changes, CancellationToken cancellationToken);

    /// <summary>After the commit (never after a rollback).</summary>
    Task CommittedAsync(IReadOnlyList<RowChange> changes, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The handlers of every write, in their order (<see cref="AfterWriteStage"/>).</summary>
public sealed class AfterWritePipeline(IEnumerable<IAfterWrite> handlers)
{
    private readonly IAfterWrite[] _handlers = [.. handlers.OrderBy(h => h.Stage)];

    public async Task WrittenAsync(WikiDbContext db, List<RowChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }

        foreach (var handler in _handlers)
        {
            await handler.WrittenAsync(db, changes, cancellationToken);
        }
    }

    public async Task CommittedAsync(IReadOnlyList<RowChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }

        foreach (var handler in _handlers)
        {
            await handler.CommittedAsync(changes, cancellationToken);
        }
    }
}

/// <summary>
/// Data the wiki derives from its entries and stores (the bodies' HTML, the story's places, the search index): a key
/// in the settings, the version of the code that derives it, and how to derive all of it again. When the stored
/// version is not the code's, the next start rebuilds it (<see cref="DerivedData"/>).
/// </summary>
public interface IDerivedData
{
    /// <summary>The setting that holds the version the stored data was derived with.</summary>
    string Key { get; }

    /// <summary>Change it with any change to how the data is derived.</summary>
    string Version { get; }

    /// <summary>Rebuilt in rising rank: the bodies' HTML (0) before what reads their text.</summary>
    int Rank { get; }

    /// <summary>Whether the stored data needs a rebuild although its version is current (rows saved before it existed).</summary>
    Task<bool> IncompleteAsync(WikiDbContext db, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>Derives all of it again, in the caller's transaction; rows it changes through the change tracker reach the handlers of the write.</summary>
    Task RebuildAsync(WikiDbContext db, CancellationToken cancellationToken);
}

/// <summary>The registry of derived data, in the order of rebuilding (the bodies first: the index reads their text).</summary>
public sealed class DerivedData(IEnumerable<IDerivedData> kinds)
{
    public IReadOnlyList<IDerivedData> Kinds { get; } = [.. kinds.OrderBy(k => k.Rank)];

    /// <summary>Those whose stored version is not the code's, or that are incomplete.</summary>
    public async Task<List<IDerivedData>> StaleAsync(WikiDbContext db, CancellationToken cancellationToken)
    {
        var keys = Kinds.Select(k => k.Key).ToList();
        var stored = await db.SiteSettings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken);
        var stale = new List<IDerivedData>();
        foreach (var kind in Kinds)
        {
            if (stored.GetValueOrDefault(kind.Key) != kind.Version || await kind.IncompleteAsync(db, cancellationToken))
            {
                stale.Add(kind);
            }
        }

        return stale;
    }

    /// <summary>Records that this data is derived by the current version (saved with the caller's next save).</summary>
    public static async Task MarkAsync(WikiDbContext db, IDerivedData kind, CancellationToken cancellationToken)
    {
        var mark = await db.SiteSettings.FirstOrDefaultAsync(s => s.Key == kind.Key, cancellationToken);
        if (mark is null)
        {
            db.SiteSettings.Add(new SiteSetting { Key = kind.Key, Value = kind.Version });
        }
        else
        {
            mark.Value = kind.Version;
        }
    }

    /// <summary>Records that all of it is current: after a whole wiki was written through the writer (an import), whose handlers derived it as it went.</summary>
    public async Task MarkAllAsync(WikiDbContext db, CancellationToken cancellationToken)
    {
        foreach (var kind in Kinds)
        {
            await MarkAsync(db, kind, cancellationToken);
        }
    }
}
