using JimPam.Wiki.Content;
using JimPam.Wiki.Data.Sqlite;
using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests;

/// <summary>
/// The app's own Markdown pipeline and address book, for tests that render or import on a database of their own:
/// taken from one app started for the purpose, so links come out as the pages route them.
/// </summary>
public static class TestLinks
{
    private static readonly Lazy<WikiAppFactory> App = new(() =>
    {
        var app = new WikiAppFactory();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => app.Dispose();
        return app;
    });

    public static WikiMarkdown Markdown => App.Value.Services.GetRequiredService<WikiMarkdown>();

    public static StoredBodies Bodies => App.Value.Services.GetRequiredService<StoredBodies>();

    /// <summary>
    /// The seed importer on a database of the test's own, writing through its own writer, with the handlers of the
    /// data every write derives (the story's places, the search index); that database has no page cache.
    /// </summary>
    public static JimPam.Wiki.Import.SeedImporter Importer(WikiDbContext db) =>
        new(db, Writer(db), new DerivedData([Bodies, new LastEdited(), Placement, Search]), Markdown, Microsoft.Extensions.Logging.Abstractions.NullLogger<JimPam.Wiki.Import.SeedImporter>.Instance);

    /// <summary>The writer on a database of the test's own, with the handlers of the data every write derives (no page cache).</summary>
    public static EntryWriter Writer(WikiDbContext db) =>
        new(db, Bodies, new SqliteStore(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetConnectionString(db.Database)!), new AfterWritePipeline([Placement, Search]), TimeProvider.System);

    private static readonly JimPam.Wiki.Story.StoryPlacement Placement = new();

    private static readonly JimPam.Wiki.Search.SearchIndexing Search = new();
}
