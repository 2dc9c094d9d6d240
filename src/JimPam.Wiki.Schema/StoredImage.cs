using System.Text.Json;

namespace JimPam.Wiki.Data;

/// <summary>
/// A picture an editor uploaded: its cleaned original and the variants made from it, all named by the hash of their
/// bytes and kept in the media store. Written once and never changed: the words about it (alt text, credit) belong to
/// each figure that shows it, and go through that figure's revisions.
/// </summary>
public class StoredImage
{
    public const int HashLength = 32;
    public const int FileNameMaxLength = MediaBlob.NameMaxLength;

    public int Id { get; set; }

    /// <summary>32 hex digits of the SHA-256 of the bytes as uploaded, so the same file uploaded twice is one picture.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The stored original's file name (cleaned, upright, sRGB, no metadata).</summary>
    public string Original { get; set; } = "";

    /// <summary>The original's size, upright, in pixels.</summary>
    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>The original's size in bytes.</summary>
    public long Length { get; set; }

    /// <summary>The variants as JSON (<see cref="ImageVariant"/>s), smallest first.</summary>
    public string VariantsJson { get; set; } = "[]";

    public DateTimeOffset UploadedAt { get; set; }

    public string UploadedBy { get; set; } = "";

    public static string Write(IEnumerable<ImageVariant> variants) => JsonSerializer.Serialize(variants);

    public static IReadOnlyList<ImageVariant> Read(string json) => JsonSerializer.Deserialize<List<ImageVariant>>(json) ?? [];
}

/// <summary>One stored file made from a picture: its name (hash and extension), size in pixels and in bytes.</summary>
public sealed record ImageVariant(string Name, int Width, int Height, long Length)
{
    /// <summary>"avif", "webp", "jpg" or "png": the name's extension.</summary>
    public string Format => Name[(Name.LastIndexOf('.') + 1)..];
}

/// <summary>
/// The picture a figure shows, and what the figure says about it: the alt text (what is in it, for readers who cannot
/// see it) and the credit (who made it, where it comes from). No picture: no alt text or credit either.
/// </summary>
public sealed record FigureImage(int? ImageId, string? Alt, string? Credit)
{
    public const int AltMaxLength = 1000;
    public const int CreditMaxLength = 500;

    public static readonly FigureImage None = new(null, null, null);

    public FigureImage Normalised() => ImageId is null
        ? None
        : new(ImageId, string.IsNullOrWhiteSpace(Alt) ? null : Alt.Trim(), string.IsNullOrWhiteSpace(Credit) ? null : Credit.Trim());
}
