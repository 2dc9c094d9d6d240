using System.Text;
using System.Text.RegularExpressions;
using JimPam.Wiki.Content;

namespace JimPam.Wiki.Import;

/// <summary>
/// Turns a sentence of the source article into Markdown in which every episode the sentence cites
/// is a <c>[[wiki link]]</c>, leaving every other character as the source wrote it.
/// </summary>
/// <remarks>
/// The source cites episodes four ways: <c>("Title")</c> after a sentence, <c>(Title)</c> in a caption,
/// a quoted title in running text (straight or curly quotes), and a bare title after "in".
/// A quoted phrase that is no episode stays text; only a parenthesised quote must be an episode,
/// since that is the article's citation form and a miss there is a typo worth stopping for.
/// </remarks>
public sealed partial class CitationMarkup
{
    private const char Masked = '\u0001';
    private readonly WikiLinkResolver _episodes;
    private readonly Regex? _bareTitles;

    public CitationMarkup(WikiLinkResolver episodes, IEnumerable<string> episodeTitles)
    {
        _episodes = episodes;
        // Only titles of two or more words, capitalised as the catalogue has them, right after "in",
        // and not running on into another capitalised word ("in Night Out", not "in Niagara Falls").
        var multiWord = episodeTitles.Where(t => t.Contains(' ', StringComparison.Ordinal))
            .OrderByDescending(t => t.Length)
            .Select(Regex.Escape)
            .ToList();
        _bareTitles = multiWord.Count == 0
            ? null
            : new Regex(@"(?<=(?<![\p{L}\p{N}])[Ii]n )(?:" + string.Join('|', multiWord) + @")(?![\p{L}\p{N}])(?!\s+\p{Lu})", RegexOptions.CultureInvariant);
    }

    public string ToMarkdown(string text, string file, int line)
    {
        var spans = new List<(int Start, int Length)>();
        var masked = text.ToCharArray();

        foreach (Match quote in QuotedText().Matches(text))
        {
            var title = quote.Groups["q"];
            var end = quote.Index + quote.Length;
            var isCitation = quote.Index > 0 && text[quote.Index - 1] == '(' && end < text.Length && text[end] == ')';
            if (_episodes.ResolveEpisode(title.Value) is not null)
            {
                spans.Add((title.Index, title.Length));
            }
            else if (isCitation)
            {
                throw new ImportException(file, line, $"the citation (\"{title.Value}\") matches no episode in the catalogue");
            }

            Array.Fill(masked, Masked, quote.Index, quote.Length);
        }

        var outsideQuotes = new string(masked);
        foreach (Match paren in Parenthesised().Matches(outsideQuotes))
        {
            var title = paren.Groups["p"];
            if (_episodes.ResolveEpisode(title.Value) is not null)
            {
                spans.Add((title.Index, title.Length));
            }
        }

        if (_bareTitles is not null)
        {
            foreach (Match bare in _bareTitles.Matches(outsideQuotes))
            {
                if (!spans.Any(s => bare.Index < s.Start + s.Length && s.Start < bare.Index + bare.Length))
                {
                    spans.Add((bare.Index, bare.Length));
                }
            }
        }

        spans.Sort();
        var markdown = new StringBuilder(text.Length + (spans.Count * 4));
        var position = 0;
        foreach (var (start, length) in spans)
        {
            markdown.Append(EscapeSegment(text[position..start], position == 0))
                .Append("[[").Append(text.AsSpan(start, length)).Append("]]");
            position = start + length;
        }

        return markdown.Append(EscapeSegment(text[position..], position == 0)).ToString();
    }

    private static string EscapeSegment(string segment, bool startsParagraph) =>
        startsParagraph ? MarkdownText.EscapeParagraph(segment) : MarkdownText.Escape(segment);

    [GeneratedRegex("“(?<q>[^”\\n]+)”|\"(?<q>[^\"\\n]+)\"")]
    private static partial Regex QuotedText();

    [GeneratedRegex("\\((?<p>[^()\"“”\\n]+)\\)")]
    private static partial Regex Parenthesised();
}
