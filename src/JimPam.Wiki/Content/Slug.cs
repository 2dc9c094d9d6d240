using System.Text;
using AnyAscii;

namespace JimPam.Wiki.Content;

/// <summary>Makes URL slugs and lookup keys out of titles and names.</summary>
public static class Slug
{
    /// <summary>
    /// "Goodbye, Toby" becomes "goodbye-toby"; "Café Disco" becomes "cafe-disco". Always plain lower-case ASCII,
    /// as readers type an address: accents and other scripts are transliterated (AnyAscii).
    /// </summary>
    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingDash = false;
        foreach (var c in Transliteration.Transliterate(text))
        {
            if (c is '\'' or '\u2019')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingDash = false;
            }
            else
            {
                pendingDash = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The key two spellings of one title share: case, punctuation and accents are ignored,
    /// so "Back From Vacation" finds "Back from Vacation" and "Cafe Disco" finds "Café Disco".
    /// </summary>
    public static string TitleKey(string text) => From(text).Replace('-', ' ');
}
