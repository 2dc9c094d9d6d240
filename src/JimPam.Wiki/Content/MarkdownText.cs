using System.Text;

namespace JimPam.Wiki.Content;

/// <summary>Turns plain source text into Markdown that renders back to exactly that text.</summary>
public static class MarkdownText
{
    /// <summary>Backslash-escapes the characters Markdown would otherwise read as syntax.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '&' or '#' or '|' or '~')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Escapes a whole paragraph: also guards a start that Markdown would read as a list item,
    /// a heading or a thematic break.
    /// </summary>
    public static string EscapeParagraph(string text)
    {
        var escaped = Escape(text);
        if (escaped.Length > 0 && escaped[0] is '-' or '+' or '=')
        {
            return "\\" + escaped;
        }

        var digits = 0;
        while (digits < escaped.Length && char.IsAsciiDigit(escaped[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < escaped.Length && escaped[digits] is '.' or ')'
            ? escaped[..digits] + "\\" + escaped[digits..]
            : escaped;
    }
}
