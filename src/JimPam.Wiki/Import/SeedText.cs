using System.Buffers;
using System.Text;

namespace JimPam.Wiki.Import;

/// <summary>Reads a seed file as UTF-8, refusing bytes that are not UTF-8 with the line and column where they are.</summary>
internal static class SeedText
{
    public static string ReadAll(string folder, string name)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(Path.Combine(folder, name));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(name, 0, $"cannot be read: {e.Message}", e);
        }

        var text = bytes.AsSpan();
        if (text.StartsWith(Encoding.UTF8.Preamble))
        {
            text = text[Encoding.UTF8.Preamble.Length..];
        }

        Validate(name, text);
        return Encoding.UTF8.GetString(text);
    }

    /// <summary>Finds the first byte sequence that is not UTF-8 and reports it by line and column (in characters, from 1).</summary>
    private static void Validate(string name, ReadOnlySpan<byte> bytes)
    {
        var line = 1;
        var column = 1;
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) != OperationStatus.Done)
            {
                throw new ImportException(name, line, column, $"this is not UTF-8 (byte 0x{bytes[0]:X2}); save the file as UTF-8", null);
            }

            if (rune.Value == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }

            bytes = bytes[consumed..];
        }
    }
}
