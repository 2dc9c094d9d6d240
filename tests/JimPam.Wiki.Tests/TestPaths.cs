using JimPam.Wiki.Data.Sqlite;
using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Tests;

/// <summary>Where the tests find the seed data, and scratch folders that clean up after themselves.</summary>
internal static class TestPaths
{
    /// <summary>The seed-data folder that the build copies beside the app.</summary>
    public static string SeedFolder => Path.Combine(AppContext.BaseDirectory, "seed-data");

    public static string Article => Path.Combine(SeedFolder, "jim-and-pam.article.txt");

    public static string ArticleText => File.ReadAllText(Article);

    /// <summary>The npm-pinned test tools (the Nu HTML checker, Redocly's linter), which ./test.sh installs.</summary>
    public static string Tools => Path.Combine(RepositoryRoot(), "tests", "tools");

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "JimPam.Wiki.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The tests run outside the repository, so its test tools cannot be found.");
    }
}

/// <summary>
/// What a complete import of seed-data/ holds, read from the seed files themselves, for tests that check an
/// import finished (once). The figures as numbers are asserted in one place only: the golden importer test.
/// </summary>
internal static class SeedCounts
{
    private static readonly Lazy<(int Events, int Episodes, int Characters)> Counts = new(() =>
    {
        var episodes = JimPam.Wiki.Import.SeedCatalogue.ReadEpisodes(TestPaths.SeedFolder);
        var article = JimPam.Wiki.Import.ArticleParser.ForCatalogue("jim-and-pam.article.txt", episodes).Parse(TestPaths.ArticleText);
        return (article.EventCount, episodes.Count, JimPam.Wiki.Import.SeedCatalogue.ReadCharacters(TestPaths.SeedFolder).Count);
    });

    public static int Events => Counts.Value.Events;

    public static int Episodes => Counts.Value.Episodes;

    public static int Characters => Counts.Value.Characters;
}

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "jimpam-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A context on a real SQLite file in this folder, migrated to the current schema.</summary>
    public WikiDbContext NewMigratedDb()
    {
        var db = new WikiDbContext(SqliteStore.Options($"Data Source={System.IO.Path.Combine(Path, "wiki.db")}"));
        db.Database.Migrate();
        return db;
    }

    /// <summary>A copy of the real seed folder that a test may then break on purpose.</summary>
    public static TempFolder WithSeedCopy()
    {
        var folder = new TempFolder();
        foreach (var file in Directory.GetFiles(TestPaths.SeedFolder))
        {
            File.Copy(file, System.IO.Path.Combine(folder.Path, System.IO.Path.GetFileName(file)));
        }

        return folder;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platform: the OS temp cleaner gets it.
        }
    }
}
