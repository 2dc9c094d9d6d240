using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Data.Sqlite;

/// <summary>
/// The search index on SQLite: an FTS5 table (bundled with the SQLite that EF Core ships), with the unicode61
/// tokenizer folding case and accents and the Porter stemmer joining a word's forms ("proposal" finds "proposes").
/// A row's rowid is its entry's id and kind (<see cref="SearchIndex.RowId"/>).
/// </summary>
public sealed class Fts5Index : SearchIndex
{
    public static readonly Fts5Index Instance = new();

    public const string Table = "SearchIndex";

    /// <summary>
    /// title: an episode's title, a character's name, a relationship's title, a milestone's label (weighted above the body);
    /// body: the entry's text; names: the slug form of each name the entry answers to, between bars, not searched,
    /// for "the query is this page's name".
    /// </summary>
    public const string CreateSql =
        $"CREATE VIRTUAL TABLE \"{Table}\" USING fts5(title, body, names UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2');";

    /// <summary>
    /// The index's vocabulary as typed, for "did you mean": the same text, tokenized without the stemmer (so its words
    /// are whole words, "engagement" and not "engag"), holding no copy of the text (contentless), with an fts5vocab
    /// table listing each word and how many entries have it.
    /// </summary>
    public const string WordsTable = "SearchWords", VocabularyTable = "SearchWordsVocabulary";

    // The two vocabulary tables are made by the migration SearchVocabulary (JimPam.Wiki.Schema.Sqlite/Migrations).

    /// <summary>A title match counts this many times a body match in bm25.</summary>
    private const double TitleWeight = 8.0;

    public override async Task WriteAsync(DbContext db, SearchKind kind, IEnumerable<int> ids, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            var rowId = RowId(kind, id);
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"SearchIndex\" WHERE rowid = {rowId};", cancellationToken);
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"SearchWords\" WHERE rowid = {rowId};", cancellationToken);
        }

        foreach (var d in documents)
        {
            var rowId = RowId(d.Kind, d.Id);
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"SearchIndex\" (rowid, title, body, names) VALUES ({rowId}, {d.Title}, {d.Body}, {d.Names});", cancellationToken);
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"SearchWords\" (rowid, title, body) VALUES ({rowId}, {d.Title}, {d.Body});", cancellationToken);
        }
    }

    public override async Task ClearAsync(DbContext db, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"DELETE FROM \"SearchIndex\";", cancellationToken);
        await db.Database.ExecuteSqlAsync($"INSERT INTO \"SearchWords\" (\"SearchWords\") VALUES ('delete-all');", cancellationToken);
    }

    public override Task<bool> AnyMatchAsync(DbContext db, SearchTerm term, CancellationToken cancellationToken)
    {
        var match = Expression([term], any: false);
        return db.Database.SqlQuery<bool>($"SELECT EXISTS (SELECT 1 FROM \"SearchIndex\" WHERE \"SearchIndex\" MATCH {match}) AS \"Value\"").SingleAsync(cancellationToken);
    }

    public override Task<List<IndexWord>> WordsAsync(DbContext db, int shortest, int longest, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<IndexWord>($"SELECT term AS \"Word\", doc AS \"Entries\" FROM \"SearchWordsVocabulary\" WHERE length(term) BETWEEN {shortest} AND {longest}").ToListAsync(cancellationToken);

    /// <summary>
    /// The FTS5 query for these terms: each a quoted string (so nothing a reader typed is FTS5 syntax), a word a
    /// prefix (<c>"athl"*</c>), a phrase exact; all of them ANDed, or with <paramref name="any"/> ORed.
    /// </summary>
    public static string Expression(IReadOnlyList<SearchTerm> terms, bool any) =>
        string.Join(any ? " OR " : " ", terms.Select(t => "\"" + t.Text.Replace("\"", " ", StringComparison.Ordinal) + "\"" + (t.Phrase ? "" : "*")));

    /// <summary>Ranked by bm25 (lower is better).</summary>
    public override Task<List<IndexMatch>> MatchAsync(DbContext db, IReadOnlyList<SearchTerm> terms, bool any, string name, int limit, CancellationToken cancellationToken)
    {
        var match = Expression(terms, any);
        var needle = "|" + name + "|";
        return db.Database.SqlQuery<IndexMatch>($"""
            SELECT rowid AS "RowId", instr(names, {needle}) > 0 AS "Named", bm25("SearchIndex", {TitleWeight}, 1.0) AS "Score"
            FROM "SearchIndex" WHERE "SearchIndex" MATCH {match}
            ORDER BY "Named" DESC, "Score", rowid LIMIT {limit}
            """).ToListAsync(cancellationToken);
    }

    public override Task<List<IndexSnippet>> SnippetsAsync(DbContext db, IReadOnlyList<SearchTerm> terms, bool any, IReadOnlyCollection<long> rowIds, CancellationToken cancellationToken)
    {
        var match = Expression(terms, any);
        var ids = System.Text.Json.JsonSerializer.Serialize(rowIds);
        var (start, end) = (MarkStart.ToString(), MarkEnd.ToString());
        return db.Database.SqlQuery<IndexSnippet>($"""
            SELECT rowid AS "RowId", highlight("SearchIndex", 0, {start}, {end}) AS "Title",
                   snippet("SearchIndex", 1, {start}, {end}, '…', 24) AS "Body"
            FROM "SearchIndex" WHERE "SearchIndex" MATCH {match} AND rowid IN (SELECT value FROM json_each({ids}))
            """).ToListAsync(cancellationToken);
    }

    public override string Describe(IReadOnlyList<SearchTerm> terms, bool any) => Expression(terms, any);

    public override bool IsQueryError(Exception e) =>
        e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 1 } sqlite
        && (sqlite.Message.Contains("fts5", StringComparison.OrdinalIgnoreCase) || sqlite.Message.Contains("syntax", StringComparison.OrdinalIgnoreCase));
}
