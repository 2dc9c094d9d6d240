using JimPam.Wiki.Content;

namespace JimPam.Wiki.Search;

/// <summary>
/// What a reader typed, made safe for FTS5: each word becomes a quoted prefix term ("athl" finds Athlead), text in
/// balanced double quotes a quoted phrase, and every operator, column filter, star, stray quote or control character
/// plain text. Terms are ANDed (and ORed, by <see cref="AnyMatch"/>, when no entry has them all). Case and accents are the tokenizer's business (it folds both). Nothing a reader
/// types reaches the MATCH syntax unquoted, so no query is an error; a query with no word in it has a
/// <see cref="Problem"/> instead of a <see cref="Match"/>.
/// </summary>
public sealed record SearchQuery(string Text, string? Match, string Name, IReadOnlyList<string> Terms, bool Shortened, string? Problem)
{
    /// <summary>The same terms ORed: what is searched for when nothing has them all.</summary>
    public string? AnyMatch => Match is null || Terms.Count < 2 ? null : string.Join(" OR ", Parts);

    private List<string> Parts { get; init; } = [];

    /// <summary>Longer queries are cut here (a page of text is not a search).</summary>
    public const int MaxLength = 200;

    /// <summary>At most this many words and phrases are searched for.</summary>
    public const int MaxTerms = 12;

    public static SearchQuery Parse(string? raw)
    {
        var text = SearchDocument.Clean(raw ?? "").Trim();
        if (text.Length == 0)
        {
            return new SearchQuery("", null, "", [], false, "Type a word or two to search the wiki: a moment, an episode, a character.");
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
            return new SearchQuery(text, null, "", [], shortened, $"“{text}” has no word to search for. Try a word from the story, an episode title or a name.");
        }

        List<string> parts = [.. kept.Select(t => "\"" + t.Text + "\"" + (t.Phrase ? "" : "*"))];
        return new SearchQuery(text, string.Join(" ", parts), Slug.From(string.Join(" ", kept.Select(t => t.Text))), [.. kept.Select(t => t.Text)], shortened, null) { Parts = parts };
    }
}
