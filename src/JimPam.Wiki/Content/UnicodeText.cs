using System.Text;

namespace JimPam.Wiki.Content;

/// <summary>
/// Text that no form can send: a NUL, or half of a surrogate pair (a UTF-16 code unit that encodes no character, which
/// no UTF-8 text holds, and on which encoders throw). Where text enters the wiki (forms, imports, the command line) it
/// is refused or replaced; the Markdown pipeline replaces it too, so no string can make it throw.
/// </summary>
public static class UnicodeText
{
    /// <summary>The index of the first lone surrogate of <paramref name="text"/>, or -1.</summary>
    public static int LoneSurrogateAt(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i]))
            {
                continue;
            }

            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }

    /// <summary>The index of the first NUL or lone surrogate of <paramref name="text"/>, or -1.</summary>
    public static int UnsendableAt(ReadOnlySpan<char> text)
    {
        var nul = text.IndexOf('\0');
        var surrogate = LoneSurrogateAt(nul < 0 ? text : text[..nul]);
        return surrogate >= 0 ? surrogate : nul;
    }

    /// <summary>The text with each lone surrogate replaced by U+FFFD (the replacement character) and each NUL removed.</summary>
    public static string Sendable(string text)
    {
        if (UnsendableAt(text) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The text with every character XML 1.0 cannot hold left out (NUL and the other C0 controls but tab and line
    /// breaks, lone surrogates, U+FFFE and U+FFFF): for a feed, whose writer throws on them, of text stored before the
    /// writer refused them.
    /// </summary>
    public static string ForXml(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text[i]).Append(text[++i]);
            }
            else if (System.Xml.XmlConvert.IsXmlChar(text[i]))
            {
                builder.Append(text[i]);
            }
        }

        return builder.Length == text.Length ? text : builder.ToString();
    }
}
