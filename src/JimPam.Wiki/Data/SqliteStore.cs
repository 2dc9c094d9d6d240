using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Data;

/// <summary>
/// The one place that knows the wiki runs on SQLite: the connection string's file path and the pragmas.
/// A second provider (PostgreSQL) plugs in here, and nowhere else.
/// </summary>
public static class SqliteStore
{
    public const string DefaultConnectionString = "Data Source=App_Data/wiki.db";

    /// <summary>Makes a relative "Data Source" relative to the content root and creates its folder.</summary>
    public static string ResolveConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && !source.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(source, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        return builder.ToString();
    }

    public static DbContextOptionsBuilder UseWikiSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString);

    /// <summary>Write-ahead logging lets readers go on while an editor saves. It is a property of the file, so set once.</summary>
    public static Task ApplyPragmasAsync(WikiDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
}
