using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JimPam.Wiki.Data;

/// <summary>
/// Refuses a save of the wiki's entry rows that does not come from <see cref="EntryWriter"/>: only its saves reach the
/// handlers that keep the derived data (the story's places, the search index, the page cache), so any other save
/// would leave them stale without a word. Derives nothing itself. The rows that belong to no entry (settings, logins,
/// their keys, editors' accounts, image files) may be saved by anyone.
/// </summary>
public sealed class WriterOnly : SaveChangesInterceptor
{
    public static readonly WriterOnly Instance = new();

    private static readonly HashSet<Type> Free = [typeof(SiteSetting), typeof(LoginSession), typeof(LoginThrottle), typeof(DataProtectionKey), typeof(MediaBlob)];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is not WikiDbContext { SavingThroughWriter: false } db)
        {
            return;
        }

        var entry = db.ChangeTracker.Entries().FirstOrDefault(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && !Free.Contains(e.Metadata.ClrType)
            && e.Metadata.ClrType.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) != true);
        if (entry is not null)
        {
            throw new InvalidOperationException(
                $"A {entry.Metadata.ClrType.Name} row was saved outside EntryWriter; entry rows are written through it, whose handlers keep the derived data (the story's places, the search index, the page cache).");
        }
    }
}
