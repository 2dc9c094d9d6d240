using System.Globalization;
using System.Text;
using JimPam.Wiki.Data;

namespace JimPam.Wiki.Search;

/// <summary>
/// "Did you mean Niagara?": for each word of a query that matches nothing, the nearest word of the index's own
/// vocabulary (<see cref="SearchIndex.WordsAsync"/>) by edit distance (Quickenshtein's Levenshtein), within one edit for
/// a short word, two for a longer one and three for a long one; among equally near words, the one more entries have.
/// The suggestion is the query with those words replaced, their capitals kept as typed. Phrases and words that match
/// are kept as they are; a query whose every word matches gets no suggestion.
/// </summary>
public static class SpellingSuggestion
{
    /// <summary>Words shorter than this are not corrected: too many words are one edit from them.</summary>
    public const int ShortestWord = 3;

    public static async Task<string?> ForAsync(WikiDbContext db, SearchQuery query, CancellationToken cancellationToken)
    {
        var replaced = false;
        var words = new List<string>();
        foreach (var term in query.Terms)
        {
            var typed = term.Text;
            if (!term.Phrase && typed.Length >= ShortestWord && typed.All(char.IsLetterOrDigit)
                && !await SearchIndex.For(db).AnyMatchAsync(db, term, cancellationToken)
                && await NearestAsync(db, Fold(typed), cancellationToken) is { } nearest)
            {
                words.Add(Cased(nearest, typed));
                replaced = true;
            }
            else
            {
                words.Add(term.Phrase ? $"\"{typed}\"" : typed);
            }
        }

        return replaced ? string.Join(" ", words) : null;
    }

    /// <summary>How many edits a word of this length may be from its correction.</summary>
    public static int MaxEdits(int length) => length <= 4 ? 1 : length <= 8 ? 2 : 3;

    private static async Task<string?> NearestAsync(WikiDbContext db, string word, CancellationToken cancellationToken)
    {
        var most = MaxEdits(word.Length);
        var candidates = await SearchIndex.For(db).WordsAsync(db, Math.Max(1, word.Length - most), word.Length + most, cancellationToken);
        return candidates
            .Select(c => (c.Word, c.Entries, Distance: Quickenshtein.Levenshtein.GetDistance(word, c.Word)))
            .Where(c => c.Distance > 0 && c.Distance <= most && !c.Word.Any(char.IsDigit))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Word[0] == word[0] ? 0 : 1)
            .ThenByDescending(c => c.Entries)
            .ThenBy(c => c.Word, StringComparer.Ordinal)
            .Select(c => c.Word)
            .FirstOrDefault();
    }

    /// <summary>The word as the index holds it: lower case, without accents.</summary>
    private static string Fold(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return new string([.. decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]).Normalize(NormalizationForm.FormC);
    }

    /// <summary>The correction with the typed word's capitals: "NIAGRA" → "NIAGARA", "Niagra" → "Niagara".</summary>
    private static string Cased(string correction, string typed) =>
        typed.All(c => !char.IsLetter(c) || char.IsUpper(c)) && typed.Any(char.IsLetter) ? correction.ToUpperInvariant()
        : char.IsUpper(typed[0]) ? char.ToUpperInvariant(correction[0]) + correction[1..]
        : correction;
}
