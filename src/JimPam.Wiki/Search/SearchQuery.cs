using JimPam.Wiki.Content;
using JimPam.Wiki.Data;

namespace JimPam.Wiki.Search;

/// <summary>
/// What a reader typed, as terms: each word a term ("athl" finds Athlead), text in balanced double quotes a phrase,
/// and every operator, column filter, star, stray quote or control character plain text. The index quotes each term
/// (<c>Fts5Index.Expression</c>), so no query is an error. Case and accents are the tokenizer's business
/// (it folds both). A query with no word in it has a <see cref="Problem"/> and no terms.
/// </summary>
public sealed record SearchQuery(string Text, string Name, IReadOnlyList<SearchTerm> Terms, bool Shortened, string? Problem)
{
    /// <summary>Longer queries are cut here (a page of text is not a search).</summary>
    public const int MaxLength = 200;

    /// <summary>At most this many words and phrases are searched for.</summary>
    public const int MaxTerms = 12;

    public static SearchQuery Parse(string? raw)
    {
        var text = SearchDocuments.Clean(raw ?? "").Trim();
        if (text.Length == 0)
        {
            return new SearchQuery("", "", [], false, "Type a word or two to search the wiki: a moment, an episode, a character.");
        }

        var shortened = text.Length > MaxLength;
        if (shortened)
        {
            text = text[..MaxLength];
        }

        var terms = new List<(string Text, bool Phrase)>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var close = text[i] == '"' ? text.IndexOf('"', i + 1) : -1;
            if (close > i)
            {
                terms.Add((text[(i + 1)..close], true));
                i = close + 1;
                continue;
            }

            var end = i;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && !(end > i && text[end] == '"' && text.IndexOf('"', end + 1) > end))
            {
                end++;
            }

            terms.Add((text[i..end], false));
            i = end;
        }

        var kept = terms
            .Select(t => (Text: t.Text.Replace("\"", " ").Trim(), t.Phrase))
            .Where(t => t.Text.Any(char.IsLetterOrDigit))
            .ToList();
        if (kept.Count > MaxTerms)
        {
            kept = kept[..MaxTerms];
            shortened = true;
        }

        if (kept.Count == 0)
        {
            return new SearchQuery(text, "", [], shortened, $"“{text}” has no word to search for. Try a word from the story, an episode title or a name.");
        }

        return new SearchQuery(text, Slug.From(string.Join(" ", kept.Select(t => t.Text))), [.. kept.Select(t => new SearchTerm(t.Text, t.Phrase))], shortened, null);
    }
}
