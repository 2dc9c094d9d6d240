using JimPam.Wiki.Import;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Import;

/// <summary>
/// The import writes through the writer in a batch that skips per-entry work one transaction makes redundant (every
/// body rendered again after each new episode and character, the search index and the story's places after each
/// save). Imported both ways, entry by entry as forms write and as a batch, the two databases hold the same rows in
/// every table: entries, revisions (all but their times), link, citation and mention rows, stored HTML, story
/// points, settings and the search index's text and vocabulary.
/// </summary>
public sealed class ImportBothWaysTests
{
    [Fact]
    public async Task The_batch_import_writes_what_writing_entry_by_entry_writes()
    {
        await using var batch = await ImportedAsync(deferRendering: true);
        await using var oneByOne = await ImportedAsync(deferRendering: false);

        var batchRows = Dump(batch.DatabasePath);
        var oneByOneRows = Dump(oneByOne.DatabasePath);

        Assert.Contains(batchRows, row => row.StartsWith("RelationshipEvents:", StringComparison.Ordinal));
        Assert.Contains(batchRows, row => row.StartsWith("WikiLinks:", StringComparison.Ordinal));
        Assert.Contains(batchRows, row => row.StartsWith("SearchIndex_content:", StringComparison.Ordinal));
        Assert.Contains(batchRows, row => row.StartsWith("Revisions:", StringComparison.Ordinal) && row.Contains("Imported from the source article", StringComparison.Ordinal));
        Assert.True(batchRows.Count > 1000, $"only {batchRows.Count} rows were compared");
        Assert.Equal(oneByOneRows, batchRows);
    }

    /// <summary>An app on an empty database, seeded by the importer in the mode asked for.</summary>
    private static async Task<WikiAppFactory> ImportedAsync(bool deferRendering)
    {
        var app = WikiAppFactory.Fresh();
        app.Settings["Wiki:SeedOnStartup"] = "false";
        await using var scope = app.Services.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(TestPaths.SeedFolder, deferRendering);
        Assert.Equal(52, summary.Events);
        return app;
    }

    /// <summary>Every row of every table the wiki keeps (and the search index's vocabulary), one line each, sorted.</summary>
    private static List<string> Dump(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            // The FTS5 tables' own shadow tables hold b-tree segments whose layout depends on how often they were
            // written; what they index is compared through the content table and the vocabulary instead. The login
            // keys are each app's own secret, and the eviction log a note to other instances: neither is content.
            list.CommandText = """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%'
                AND name NOT IN ('SearchIndex', 'SearchWords', 'DataProtectionKeys', 'CacheEvictions')
                AND name NOT LIKE '%\_config' ESCAPE '\' AND name NOT LIKE '%\_data' ESCAPE '\'
                AND name NOT LIKE '%\_docsize' ESCAPE '\' AND name NOT LIKE '%\_idx' ESCAPE '\'
                ORDER BY name
                """;
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new List<string>();
        foreach (var table in tables.Append("SearchWordsVocabulary"))
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var values = Enumerable.Range(0, reader.FieldCount)
                    .Where(i => reader.GetName(i) is not ("SavedAt" or "EditedAt"))
                    .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))}");
                rows.Add($"{table}: {string.Join(" | ", values)}");
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
