using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JimPam.Wiki.Data;

/// <summary>
/// What the interceptors that follow every write share: as changes are saved, each added, changed or deleted row
/// names what it touches (<see cref="ItemsOf"/>), collected per context until the subclass <see cref="Take"/>s them
/// (after the save, or after the commit); a failed save forgets them.
/// </summary>
public abstract class SaveChangesCollector<TItem> : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<TItem>> _pending = [];

    /// <summary>What one changed row touches, from its values before and after the change.</summary>
    protected abstract IEnumerable<TItem> ItemsOf(EntityEntry entry);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not WikiDbContext { HoldFollowUps: true })
        {
            await AfterSaveAsync(eventData.Context, cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is not WikiDbContext { HoldFollowUps: true })
        {
            AfterSaveAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    /// <summary>What follows a save that succeeded, on the same connection (inside the caller's transaction, if any).</summary>
    protected abstract Task AfterSaveAsync(DbContext? context, CancellationToken cancellationToken);

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>What has been collected for this context since the last take; empty when nothing.</summary>
    protected List<TItem> Take(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var items) || items.Count == 0)
        {
            return [];
        }

        var taken = items.ToList();
        items.Clear();
        return taken;
    }

    protected void Forget(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var items))
        {
            items.Clear();
        }
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var items = _pending.GetOrCreateValue(context);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                items.UnionWith(ItemsOf(entry));
            }
        }
    }
}
