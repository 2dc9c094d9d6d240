using JimPam.Wiki.Data.Sqlite;
using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using JimPam.Wiki.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JimPam.Wiki.Hosting;

/// <summary>
/// Gets the database ready before the first request: checks the file, takes the start-up lock, clears a lock
/// that a crashed start left behind, refuses a schema it cannot vouch for, applies pending migrations and, on
/// an empty database, imports the seed folder. Safe to run in two processes at once and after a crash at any
/// point: the lock is the operating system's, and the import is one transaction.
/// </summary>
public static class DatabaseStartup
{
    /// <param name="content">Whether this run brings the wiki's content too (the seed import and its upgrades): the
    /// commands that serve or grow the wiki do; the account commands only need the tables, and leave the import to
    /// the first start that serves.</param>
    public static async Task PrepareWikiDatabaseAsync(this IServiceProvider services, bool content = true, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<WikiStore>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<WikiOptions>>().Value;
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup).FullName!);
        var path = store.Name;

        store.Check();
        try
        {
            await using var startupLock = await store.AcquireStartupLockAsync(logger, cancellationToken);
            await MigrateAsync(db, store, logger, cancellationToken);
            await store.PrepareAsync(db, cancellationToken);
            if (store is SqliteStore)
            {
                await MoveKeyFilesAsync(db, Path.Combine(Path.GetDirectoryName(path)!, "keys"), logger, cancellationToken);
            }

            if (content && options.SeedOnStartup && !await db.Seasons.AnyAsync(cancellationToken))
            {
                await SeedAsync(scope.ServiceProvider.GetRequiredService<SeedImporter>(), options.ResolveSeedFolder(), path, logger, cancellationToken);
            }

            if (await db.Seasons.AnyAsync(cancellationToken)
                && await scope.ServiceProvider.GetRequiredService<DerivedData>().StaleAsync(db, cancellationToken) is { Count: > 0 } stale)
            {
                // Data derived by an older version of its code, or not at all (stored HTML, the story's places, the
                // search index): derived again, as one write through the writer, whose handlers follow what it changes.
                await scope.ServiceProvider.GetRequiredService<EntryWriter>().RebuildAsync(stale, cancellationToken);
                foreach (var kind in stale)
                {
                    logger.LogWarning("Derived {DerivedData} of {Database} again (version {DerivedVersion})", kind.Key, path, kind.Version);
                }
            }

            if (content && options.SeedOnStartup && await db.Seasons.AnyAsync(cancellationToken))
            {
                await UpgradeAsync(scope.ServiceProvider.GetRequiredService<SeedUpgrade>(), options.ResolveSeedFolder(), logger, cancellationToken);
            }

            if (content)
            {
                await scope.ServiceProvider.GetRequiredService<EvictionLog>().StartAsync(cancellationToken);
            }
        }
        catch (Exception e) when (store.Explain(e) is { } explained)
        {
            throw explained;
        }
    }

    /// <summary>Moves the login keys that versions before the key table kept in <c>keys/</c> beside the database into it, once.</summary>
    private static async Task MoveKeyFilesAsync(WikiDbContext db, string folder, ILogger logger, CancellationToken cancellationToken)
    {
        var moved = await Accounts.LoginKeys.MoveKeyFilesAsync(db, folder, cancellationToken);
        if (moved.Added > 0)
        {
            logger.LogInformation("Moved {Count} login key(s) from {Folder} into the database; editors stay logged in, and the folder may be deleted", moved.Added, folder);
        }

        foreach (var file in moved.Unreadable)
        {
            logger.LogWarning("The login key file {File} cannot be read and was left out: logins it signed have ended", file);
        }
    }

    private static async Task MigrateAsync(WikiDbContext db, WikiStore store, ILogger logger, CancellationToken cancellationToken)
    {
        var path = store.Name;
        var stale = await store.RemoveStaleMigrationLockAsync(db, cancellationToken);
        if (stale > 0)
        {
            logger.LogWarning("Removed a migration lock that an interrupted start left in {Database}; no other process was migrating it", path);
        }

        var known = db.Database.GetMigrations().ToList();
        var applied = (await store.AppliedMigrationsAsync(db, cancellationToken)).ToList();
        var unknown = applied.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new StartupException(
                $"The database {path} was migrated by a newer JimPam.Wiki: it has the migration(s) {string.Join(", ", unknown)}, which this build does not know. " +
                "Run the newer build, or restore a backup made for this version.");
        }

        if (applied.Count == 0 && await store.SchemaTablesAsync(db, cancellationToken) is { Count: > 0 } tables)
        {
            throw new StartupException(
                $"The database {path} has tables ({string.Join(", ", tables)}) but no migration history, so its schema cannot be trusted or upgraded. " +
                "If it is a wiki database whose history was lost, restore a backup; otherwise point ConnectionStrings:Wiki at another file.");
        }

        var pending = known.Except(applied, StringComparer.Ordinal).ToList();
        logger.LogInformation(
            "Database {Database}: {AppliedCount} migration(s) applied (latest {Latest}), {PendingCount} pending {Pending}",
            path, applied.Count, applied.LastOrDefault() ?? "none", pending.Count, pending);
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Applied the migration(s) {Pending} to {Database}", pending, path);
        }
    }

    /// <summary>What a newer seed folder adds to a wiki seeded before it; a bad seed file is logged, and the wiki still starts.</summary>
    private static async Task UpgradeAsync(SeedUpgrade upgrade, string folder, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await upgrade.RunAsync(folder, cancellationToken);
        }
        catch (ImportException e)
        {
            logger.LogError("Could not bring the wiki up to {SeedFolder}: {Problem}. It starts as it is; fix that file and restart to try again.", folder, e.Message);
        }
    }

    private static async Task SeedAsync(SeedImporter importer, string folder, string path, ILogger logger, CancellationToken cancellationToken)
    {
        logger.LogInformation("The database {Database} is empty; importing {SeedFolder}", path, folder);
        try
        {
            // Every row the import saves reaches the writer's handlers (the places, the index) in its transaction:
            // the derived data is whole.
            await importer.ImportAsync(folder, cancellationToken: cancellationToken);
        }
        catch (ImportException e)
        {
            throw new StartupException(
                $"The seed import failed and wrote nothing: {e.Message} (in {folder}). Fix that file, or start with Wiki:SeedOnStartup=false for an empty wiki.", e);
        }
    }
}
