using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
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
    public static JimPam.Wiki.Import.SeedImporter Importer(WikiDbContext db)
    {
        var placement = new JimPam.Wiki.Story.StoryPlacement();
        var search = new JimPam.Wiki.Search.SearchIndexing();
        var store = new SqliteStore(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetConnectionString(db.Database)!);
        var writer = new EntryWriter(db, Bodies, store, new AfterWritePipeline([placement, search]), TimeProvider.System);
        return new(db, writer, new DerivedData([Bodies, new LastEdited(), placement, search]), Markdown, Microsoft.Extensions.Logging.Abstractions.NullLogger<JimPam.Wiki.Import.SeedImporter>.Instance);
    }
}
