using System.Text;

namespace JimPam.Wiki.Import;

internal static class SeedText
{
    /// <summary>UTF-8 that throws on bytes that are not UTF-8, instead of quietly replacing them.</summary>
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string ReadAll(string folder, string name)
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, name), StrictUtf8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new ImportException(name, 0, $"cannot be read: {e.Message}", e);
        }
    }
}
