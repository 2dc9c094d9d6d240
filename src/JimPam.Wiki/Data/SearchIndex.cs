using JimPam.Wiki.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Data;

/// <summary>
/// The search index behind the seam: one row per entry (its title, its text, and the names it answers to), matched by
/// words (each a prefix) and phrases, ranked with the title above the text, with marked titles and snippets, and the
/// index's vocabulary for "did you mean". SQLite's side is FTS5 (<see cref="Fts5Index"/>), PostgreSQL's is tsvector
/// with a GIN index (<see cref="Postgres.PostgresSearchIndex"/>); the same search tests hold on both.
/// A row's number is its entry's id and kind (<see cref="RowId"/>), so writing one entry touches one row.
/// </summary>
public abstract class SearchIndex
{
    /// <summary>Marks around each matched term in titles and snippets; no indexed text contains them.</summary>
    public const char MarkStart = '\u0002', MarkEnd = '\u0003';

    /// <summary>The index of the engine this context runs on.</summary>
    public static SearchIndex For(DbContext db) =>
        db.Database.ProviderName == Postgres.PostgresStore.ProviderName ? Postgres.PostgresSearchIndex.Instance : Fts5Index.Instance;

    public static long RowId(SearchKind kind, int id) => ((long)id << 3) | (long)kind;

    public static (SearchKind Kind, int Id) FromRowId(long rowId) => ((SearchKind)(rowId & 7), (int)(rowId >> 3));

    /// <summary>Replaces the rows of these entries: those in <paramref name="documents"/> are written, the rest removed.</summary>
    public abstract Task WriteAsync(DbContext db, SearchKind kind, IEnumerable<int> ids, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken);

    /// <summary>Removes every row.</summary>
    public abstract Task ClearAsync(DbContext db, CancellationToken cancellationToken);

    /// <summary>Whether any entry matches this one term (a word by its beginning, or a phrase).</summary>
    public abstract Task<bool> AnyMatchAsync(DbContext db, SearchTerm term, CancellationToken cancellationToken);

    /// <summary>The index's words (folded to lower case and without accents, as typed, not stemmed) of these lengths, with how many entries have each.</summary>
    public abstract Task<List<IndexWord>> WordsAsync(DbContext db, int shortest, int longest, CancellationToken cancellationToken);

    /// <summary>
    /// Every entry that matches these terms (all of them, or with <paramref name="any"/> at least one), best first: an
    /// entry whose name is the whole query, then by relevance, at most <paramref name="limit"/>.
    /// </summary>
    public abstract Task<List<IndexMatch>> MatchAsync(DbContext db, IReadOnlyList<SearchTerm> terms, bool any, string name, int limit, CancellationToken cancellationToken);

    /// <summary>The title, with its matched terms marked, and a marked snippet of the text, of these rows.</summary>
    public abstract Task<List<IndexSnippet>> SnippetsAsync(DbContext db, IReadOnlyList<SearchTerm> terms, bool any, IReadOnlyCollection<long> rowIds, CancellationToken cancellationToken);

    /// <summary>The query as the engine reads it, for the log.</summary>
    public abstract string Describe(IReadOnlyList<SearchTerm> terms, bool any);

    /// <summary>Whether this exception is the engine refusing a query (its syntax), not a fault of the database.</summary>
    public abstract bool IsQueryError(Exception e);
}

/// <summary>One entry as the index holds it: plain text, with the names it answers to.</summary>
public sealed record SearchDocument(SearchKind Kind, int Id, string Title, string Body, string Names);

public sealed record IndexMatch(long RowId, bool Named, double Score);

public sealed record IndexSnippet(long RowId, string Title, string Body);

public sealed record IndexWord(string Word, int Entries);
