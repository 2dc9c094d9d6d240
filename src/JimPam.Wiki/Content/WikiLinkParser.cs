using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace JimPam.Wiki.Content;

/// <summary>Parses <c>[[Target]]</c> and <c>[[Target|label]]</c> before Markdig's own link parser sees the brackets.</summary>
public sealed class WikiLinkParser : InlineParser
{
    public WikiLinkParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '[')
        {
            return false;
        }

        var text = slice.Text;
        var contentStart = slice.Start + 2;
        var close = text.IndexOf("]]", contentStart, slice.End - contentStart + 1, StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }

        var content = text[contentStart..close];
        if (content.Length == 0 || content.Contains('\n', StringComparison.Ordinal) || content.Contains('[', StringComparison.Ordinal))
        {
            return false;
        }

        var bar = content.IndexOf('|', StringComparison.Ordinal);
        var target = (bar < 0 ? content : content[..bar]).Trim();
        var label = bar < 0 ? null : content[(bar + 1)..].Trim();
        if (target.Length == 0)
        {
            return false;
        }

        var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
        processor.Inline = new WikiLinkInline
        {
            Target = target,
            Label = string.IsNullOrEmpty(label) ? null : label,
            Span = new SourceSpan(start, start + (close + 2 - slice.Start) - 1),
            Line = line,
            Column = column,
        };
        slice.Start = close + 2;
        return true;
    }
}
