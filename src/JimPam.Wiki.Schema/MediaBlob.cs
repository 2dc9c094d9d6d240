namespace JimPam.Wiki.Data;

/// <summary>
/// One stored image file (an upload's cleaned original or one of its variants), kept in the database so every
/// instance on it serves the same files. Named by the hash of its bytes, so a row never changes once written.
/// </summary>
public class MediaBlob
{
    public const int NameMaxLength = 40;
    public const int ContentTypeMaxLength = 20;

    /// <summary>The file's name: 32 hex digits of its SHA-256 and its extension ("…e1.avif").</summary>
    public string Name { get; set; } = "";

    public string ContentType { get; set; } = "";

    public int Width { get; set; }

    public int Height { get; set; }

    public byte[] Bytes { get; set; } = [];
}
