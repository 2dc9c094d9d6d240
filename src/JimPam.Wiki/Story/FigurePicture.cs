using JimPam.Wiki.Data;

namespace JimPam.Wiki.Story;

/// <summary>
/// The picture a figure shows, as a reader gets it: its files (the cleaned original and its variants, each by width
/// and format), its size for the page's layout, and what the figure says of it.
/// </summary>
public sealed record FigurePicture(int Width, int Height, string Alt, string? Credit, string Original, IReadOnlyList<ImageVariant> Variants)
{
    /// <summary>The formats a browser is offered, best first; JPEG is the one every browser reads.</summary>
    public static readonly IReadOnlyList<(string Format, string Type)> Sources = [("avif", "image/avif"), ("webp", "image/webp")];

    /// <summary>The variants of one format, smallest first.</summary>
    public IEnumerable<ImageVariant> Of(string format) => Variants.Where(v => v.Format == format).OrderBy(v => v.Width);

    /// <summary>The JPEG a browser without srcset shows: the middle width (640 px), or the largest there is below it.</summary>
    public ImageVariant Fallback =>
        Of("jpg").Where(v => v.Width <= 640).LastOrDefault() ?? Of("jpg").FirstOrDefault() ?? new ImageVariant(Original, Width, Height, 0);

    public static FigurePicture? Of(int? imageId, int width, int height, string? alt, string? credit, string? original, string? variants) =>
        imageId is null || original is null ? null : new(width, height, alt ?? "", credit, original, StoredImage.Read(variants ?? "[]"));
}
