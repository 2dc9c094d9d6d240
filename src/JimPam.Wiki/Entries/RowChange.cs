using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace JimPam.Wiki.Entries;

/// <summary>How a write changed a row.</summary>
public enum RowState
{
    Added,
    Modified,
    Deleted,
}

/// <summary>
/// One row a write added, changed or removed, as <see cref="EntryWriter"/> hands it to the handlers that keep the
/// derived data (<see cref="IAfterWrite"/>): the row's entity type, and its values before the change (none when added)
/// and after it (none when removed), taken once the save has run, so a new row has its id. A handler that writes rows
/// behind the change tracker (the story's places) adds a change of its own, with the values it changed, for the
/// handlers after it.
/// </summary>
public sealed class RowChange(Type entity, RowState state, IReadOnlyDictionary<string, object?>? before, IReadOnlyDictionary<string, object?>? after, bool derived = false)
{
    private static readonly Dictionary<string, object?> None = [];

    private readonly IReadOnlyDictionary<string, object?> _before = before ?? None;
    private readonly IReadOnlyDictionary<string, object?> _after = after ?? None;

    /// <summary>The entity type of the row (its CLR type, as the model maps it).</summary>
    public Type Entity { get; } = entity;

    public RowState State { get; } = state;

    /// <summary>Whether a handler made this change (behind the change tracker), rather than the write itself.</summary>
    public bool Derived { get; } = derived;

    /// <summary>A value before the change (of an added row, its value after).</summary>
    public T Was<T>(string property) => (T)(State == RowState.Added || !_before.TryGetValue(property, out var value) ? _after[property] : value)!;

    /// <summary>A value after the change (of a removed row, its value before).</summary>
    public T Is<T>(string property) => (T)(State == RowState.Deleted || !_after.TryGetValue(property, out var value) ? _before[property] : value)!;

    /// <summary>The row's own id (the <c>Id</c> property; a row keyed by two ids has none).</summary>
    public int? Id => _after.ContainsKey("Id") || _before.ContainsKey("Id") ? Is<int>("Id") : null;

    /// <summary>Whether the row came, went, or changed any of these values.</summary>
    public bool Moved(params string[] properties) =>
        State is RowState.Added or RowState.Deleted
        || properties.Any(p => _before.TryGetValue(p, out var was) && _after.TryGetValue(p, out var now) && !Equals(was, now));

    public bool Of<TEntity>() => Entity == typeof(TEntity);

    /// <summary>A change that a handler made behind the change tracker, told to the handlers after it.</summary>
    public static RowChange Made<TEntity>(IReadOnlyDictionary<string, object?> before, IReadOnlyDictionary<string, object?> after) =>
        new(typeof(TEntity), RowState.Modified, before, after, derived: true);

    /// <summary>
    /// The rows this context is about to save, with their values before; <see cref="Pending.Saved"/> gives their
    /// changes once the save has run.
    /// </summary>
    public static Pending Before(DbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var rows = new List<(EntityEntry Entry, RowState State, IReadOnlyDictionary<string, object?>? Before)>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            var state = entry.State switch
            {
                EntityState.Added => RowState.Added,
                EntityState.Modified => RowState.Modified,
                EntityState.Deleted => RowState.Deleted,
                _ => (RowState?)null,
            };
            if (state is { } changed)
            {
                rows.Add((entry, changed, changed == RowState.Added ? null : ValuesOf(entry.OriginalValues)));
            }
        }

        return new Pending(rows);
    }

    private static Dictionary<string, object?> ValuesOf(PropertyValues values) =>
        values.Properties.ToDictionary(p => p.Name, p => values[p]);

    /// <summary>Rows about to be saved; their changes once saved.</summary>
    public sealed class Pending(List<(EntityEntry Entry, RowState State, IReadOnlyDictionary<string, object?>? Before)> rows)
    {
        /// <summary>The changes, with the values after the save (a new row's id among them).</summary>
        public IEnumerable<RowChange> Saved() => rows.Select(r => new RowChange(
            r.Entry.Metadata.ClrType,
            r.State,
            r.Before,
            r.State == RowState.Deleted ? null : ValuesOf(r.Entry.CurrentValues)));
    }
}
