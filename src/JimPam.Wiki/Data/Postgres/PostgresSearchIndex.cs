using System.Text;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Data.Postgres;

/// <summary>
/// The search index on PostgreSQL: a table (with the columns of the FTS5 table) whose <c>document</c> is a stored
/// tsvector (the title weighted A, the text B) under a GIN index, made with the text search configuration
/// <c>jimpam_english</c>: English stemming ("proposal" finds "proposes") after <c>unaccent</c> (so "café" finds
/// "cafe"), and no stop words, as FTS5's Porter tokenizer has none ("not" finds "nothing"). <c>words</c> holds the same text unstemmed
/// (<c>jimpam_words</c>) for "did you mean". Words match by their beginning (<c>:*</c>), phrases with
/// <c>phraseto_tsquery</c>; titles and snippets are marked by <c>ts_headline</c>. Nothing a reader types becomes
/// tsquery syntax: a word reaches <c>to_tsquery</c> as its runs of letters and digits only.
/// </summary>
public sealed class PostgresSearchIndex : SearchIndex
{
    public static readonly PostgresSearchIndex Instance = new();

    public const string Table = "SearchIndex";

    // The table and its text search configurations are made by the migration InitialCreate
    // (JimPam.Wiki.Schema.Postgres/Migrations), outside the model: a tsvector column "document" (the title weighted A,
    // the text B, stemmed through unaccent), one "words" (unstemmed, for "did you mean") and a GIN index.

    /// <summary>ts_rank's weights for D, C, B (the text) and A (the title): a title match counts eight times a text match, as in FTS5's bm25.</summary>
    private const string Weights = "ARRAY[0.1, 0.1, 0.125, 1.0]::float4[]";

    /// <summary>ts_headline's options: the marks, and a body snippet of about 24 words as FTS5's.</summary>
    private static readonly string TitleOptions = $"StartSel={MarkStart}, StopSel={MarkEnd}, HighlightAll=true";

    private static readonly string BodyOptions = $"StartSel={MarkStart}, StopSel={MarkEnd}, MaxWords=24, MinWords=12, ShortWord=2";

    public override async Task WriteAsync(DbContext db, SearchKind kind, IEnumerable<int> ids, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        var removed = ids.Select(id => RowId(kind, id)).ToArray();
        if (removed.Length > 0)
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"SearchIndex\" WHERE rowid = ANY ({removed})", cancellationToken);
        }

        foreach (var d in documents)
        {
            var rowId = RowId(d.Kind, d.Id);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "SearchIndex" (rowid, title, body, names) VALUES ({rowId}, {d.Title}, {d.Body}, {d.Names})
                ON CONFLICT (rowid) DO UPDATE SET title = excluded.title, body = excluded.body, names = excluded.names
                """, cancellationToken);
        }
    }

    public override Task ClearAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM \"SearchIndex\"", cancellationToken);

    public override Task<bool> AnyMatchAsync(DbContext db, SearchTerm term, CancellationToken cancellationToken)
    {
        var (query, parameters) = Query([term], any: false);
        var sql = $"SELECT EXISTS (SELECT 1 FROM \"SearchIndex\" WHERE document @@ ({query})) AS \"Value\"";
        return db.Database.SqlQueryRaw<bool>(sql, [.. parameters]).SingleAsync(cancellationToken);
    }

    public override Task<List<IndexWord>> WordsAsync(DbContext db, int shortest, int longest, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<IndexWord>($"""
            SELECT word AS "Word", ndoc AS "Entries" FROM ts_stat('SELECT words FROM "SearchIndex"')
            WHERE length(word) BETWEEN {shortest} AND {longest} AND word ~ '^[[:alpha:]]+$'
            """).ToListAsync(cancellationToken);

    /// <summary>Ranked by ts_rank (higher is better; <see cref="IndexMatch.Score"/> holds it negated, so lower is better as with bm25).</summary>
    public override Task<List<IndexMatch>> MatchAsync(DbContext db, IReadOnlyList<SearchTerm> terms, bool any, string name, int limit, CancellationToken cancellationToken)
    {
        var (query, parameters) = Query(terms, any);
        var needle = parameters.Count;
        parameters.Add("|" + name + "|");
        parameters.Add(limit);
        var sql = $$"""
            SELECT rowid AS "RowId", strpos(names, {{{needle}}}) > 0 AS "Named", -ts_rank({{Weights}}, document, q.query)::float8 AS "Score"
            FROM "SearchIndex", ({{query}}) AS q(query) WHERE document @@ q.query
            ORDER BY "Named" DESC, "Score", rowid LIMIT {{{needle + 1}}}
            """;
        return db.Database.SqlQueryRaw<IndexMatch>(sql, [.. parameters]).ToListAsync(cancellationToken);
    }

    public override async Task<List<IndexSnippet>> SnippetsAsync(DbContext db, IReadOnlyList<SearchTerm> terms, bool any, IReadOnlyCollection<long> rowIds, CancellationToken cancellationToken)
    {
        var (query, parameters) = Query(terms, any);
        var first = parameters.Count;
        parameters.AddRange([rowIds.ToArray(), TitleOptions, BodyOptions]);
        var sql = $$"""
            SELECT rowid AS "RowId", ts_headline('jimpam_english', title, q.query, {{{first + 1}}}) AS "Title",
                   ts_headline('jimpam_english', body, q.query, {{{first + 2}}}) AS "Snippet", body AS "Body"
            FROM "SearchIndex", ({{query}}) AS q(query) WHERE rowid = ANY ({{{first}}})
            """;
        var rows = await db.Database.SqlQueryRaw<HeadlineRow>(sql, [.. parameters]).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new IndexSnippet(r.RowId, r.Title, Elided(r.Snippet, r.Body)))];
    }

    /// <summary>A row's marked title and snippet, with its text, to tell where the snippet cuts it.</summary>
    private sealed record HeadlineRow(long RowId, string Title, string Snippet, string Body);

    /// <summary>A snippet with "…" where it cuts the text, as FTS5's snippet() gives it.</summary>
    private static string Elided(string snippet, string body)
    {
        var plain = snippet.Replace(MarkStart.ToString(), "", StringComparison.Ordinal).Replace(MarkEnd.ToString(), "", StringComparison.Ordinal).Trim();
        if (plain.Length == 0)
        {
            return snippet;
        }

        var start = body.TrimStart().StartsWith(plain, StringComparison.Ordinal) ? "" : "…";
        var end = body.TrimEnd().EndsWith(plain, StringComparison.Ordinal) ? "" : "…";
        return start + snippet.Trim() + end;
    }

    public override string Describe(IReadOnlyList<SearchTerm> terms, bool any)
    {
        var (query, parameters) = Query(terms, any);
        for (var i = parameters.Count - 1; i >= 0; i--)
        {
            query = query.Replace("{" + i + "}", "'" + parameters[i] + "'", StringComparison.Ordinal);
        }

        return query;
    }

    public override bool IsQueryError(Exception e) =>
        e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.SyntaxError } postgres && postgres.MessageText.Contains("tsquery", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The tsquery of these terms as SQL with numbered parameters: a word as its runs of letters and digits, each a
    /// prefix, in sequence; a phrase through phraseto_tsquery; all of them joined with <c>&amp;&amp;</c>, or <c>||</c>.
    /// </summary>
    private static (string Sql, List<object> Parameters) Query(IReadOnlyList<SearchTerm> terms, bool any)
    {
        var parameters = new List<object>();
        var parts = new List<string>();
        foreach (var term in terms)
        {
            parts.Add(term.Phrase
                ? $"phraseto_tsquery('jimpam_english', {{{parameters.Count}}})"
                : $"to_tsquery('jimpam_english', {{{parameters.Count}}})");
            parameters.Add(term.Phrase ? term.Text : Prefixes(term.Text));
        }

        return (parts.Count == 0 ? "SELECT ''::tsquery" : "SELECT " + string.Join(any ? " || " : " && ", parts), parameters);
    }

    /// <summary>"O'Neil" as <c>'o':* &lt;-&gt; 'neil':*</c>: only letters and digits, so nothing typed is syntax.</summary>
    private static string Prefixes(string word)
    {
        var runs = new List<string>();
        var run = new StringBuilder();
        foreach (var c in word.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                run.Append(c);
            }
            else if (run.Length > 0)
            {
                runs.Add(run.ToString());
                run.Clear();
            }
        }

        if (run.Length > 0)
        {
            runs.Add(run.ToString());
        }

        return string.Join(" <-> ", runs.Select(r => "'" + r + "':*"));
    }
}
