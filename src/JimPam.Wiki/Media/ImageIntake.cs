using System.Security.Cryptography;
using System.Text;
using NetVips;

namespace JimPam.Wiki.Media;

/// <summary>A file of an image as it is stored and served: its name (content hash and extension), type and bytes.</summary>
public sealed record MediaFile(string Name, string ContentType, int Width, int Height, byte[] Bytes);

/// <summary>What an upload became: the stripped original and its variants, or the reason it was refused.</summary>
public sealed record IntakeResult(string? Refusal, MediaFile? Original, IReadOnlyList<MediaFile> Variants)
{
    public bool Accepted => Refusal is null;

    public static IntakeResult Refused(string reason) => new(reason, null, []);
}

/// <summary>
/// Every uploaded image goes through here before anything is stored. libvips (NetVips) decodes it, judged by its
/// content and never by its name or declared type; only the JPEG, PNG, WebP, AVIF (HEIF) and GIF loaders are allowed
/// to run. A file is refused when it is empty or over 20 MB, is none of those formats (SVG included), carries markup
/// or script anywhere in its bytes (a polyglot), claims in its header more than 40 megapixels, a side over 16,384
/// pixels or a shape more than 30 times as long as it is wide (checked before any pixel is decoded: a 78 KB PNG of
/// 1 × 40,000,000 pixels took a decoder 12 to 20 s to call damaged), takes longer than its time limit to read and
/// encode (so that no file can hold up the uploads queued behind it), or is truncated or corrupt. What is kept is re-encoded from the decoded pixels: turned upright
/// by its EXIF orientation, converted to sRGB, with no metadata at all (EXIF, GPS, XMP, comments, ICC), plus variants
/// 320, 640 and 1280 pixels wide (never wider than the original) in AVIF, WebP and JPEG. Each file is named by the
/// hash of its own bytes.
/// </summary>
public static class ImageIntake
{
    public const long MaxBytes = 20L * 1024 * 1024;
    public const long MaxPixels = 40_000_000;
    public const int MaxSide = 16_384;
    public const int MaxAspect = 30;

    /// <summary>
    /// The largest original whose JPEG gets optimised Huffman tables: libjpeg holds every coefficient of the picture in
    /// memory for them (about 11 bytes a pixel: 135 MB for 12 megapixels, for a file 5% smaller), and streams without.
    /// </summary>
    private const long OptimizedJpegPixels = 2_000_000;

    /// <summary>How long one picture may take to read and encode, when the caller does not say (Wiki:UploadTimeLimit).</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(30);
    public static readonly int[] VariantWidths = [320, 640, 1280];

    private static readonly string[] Loaders =
        ["VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp", "VipsForeignLoadHeif", "VipsForeignLoadNsgif"];

    // Markup a browser could run if it were ever handed these bytes as a page; no picture needs any of it. Each is
    // five characters or more, so the compressed pixels of a 20 MB photo hold one by chance about once in 10,000 files.
    private static readonly byte[][] Markup =
        [.. new[] { "<script", "<html", "<!doctype", "<body", "<iframe", "<object", "<embed", "<?php", "javascript:", "onerror=", "onload=" }
            .Select(Encoding.ASCII.GetBytes)];

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] SpaceAndByteOrderMark = [0x20, 0x09, 0x0D, 0x0A, 0xEF, 0xBB, 0xBF];
    private static readonly Lock Setup = new();
    private static bool _ready;

    /// <summary>The format the bytes start as, or null: the decision is made from the content alone.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return "jpeg";
        }

        if (bytes.StartsWith(PngSignature))
        {
            return "png";
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return "gif";
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return "webp";
        }

        // An ISO media file whose brands include AVIF.
        if (bytes.Length >= 16 && bytes[4..8].SequenceEqual("ftyp"u8))
        {
            var boxSize = (int)Math.Min(bytes.Length, Math.Max(16, (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3])));
            var brands = bytes[8..boxSize];
            for (var at = 0; at + 4 <= brands.Length; at += 4)
            {
                if (brands[at..(at + 4)].SequenceEqual("avif"u8) || brands[at..(at + 4)].SequenceEqual("avis"u8))
                {
                    return "avif";
                }
            }
        }

        return null;
    }

    /// <summary>Whether the bytes hold markup or script anywhere (ASCII, any case): a picture that is also a page.</summary>
    public static string? MarkupIn(ReadOnlySpan<byte> bytes)
    {
        var lower = bytes.ToArray();
        for (var i = 0; i < lower.Length; i++)
        {
            if (lower[i] is >= (byte)'A' and <= (byte)'Z')
            {
                lower[i] += 32;
            }
        }

        return Markup.FirstOrDefault(marker => lower.AsSpan().IndexOf(marker) >= 0) is { } found ? Encoding.ASCII.GetString(found) : null;
    }

    /// <summary>The refusal of a file over <see cref="MaxBytes"/>.</summary>
    public static string TooLarge(long length) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The file is {length / (1024.0 * 1024):0.0} MB; the most an image may be is 20 MB.");

    /// <summary>What the intake says of a picture that took longer than its time limit.</summary>
    public static string TooSlow(TimeSpan limit) =>
        $"The picture took longer than {limit.TotalSeconds:0.#} s to read, so it was refused: no upload may hold up the others. Make it smaller, or save it again as a plain JPEG or PNG.";

    public static IntakeResult Process(byte[] upload) => Process(upload, DefaultTimeLimit);

    /// <summary>Takes in an upload within <paramref name="limit"/> (its reading, checking and every encoding); past it, the picture is refused.</summary>
    public static IntakeResult Process(byte[] upload, TimeSpan limit)
    {
        if (upload.Length == 0)
        {
            return IntakeResult.Refused("The file is empty.");
        }

        if (upload.Length > MaxBytes)
        {
            return IntakeResult.Refused(TooLarge(upload.Length));
        }

        var format = Sniff(upload);
        if (format is null)
        {
            return IntakeResult.Refused(LooksLikeMarkup(upload)
                ? "SVG and other markup are not accepted: only JPEG, PNG, WebP, AVIF and GIF pictures."
                : "This is not a JPEG, PNG, WebP, AVIF or GIF picture (judged by what the file holds, not its name).");
        }

        if (MarkupIn(upload) is { } marker)
        {
            return IntakeResult.Refused($"The file is a {format.ToUpperInvariant()} that also carries markup (“{marker}”); a picture that is also a page is not accepted.");
        }

        EnsureReady();
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            // The header only: nothing is decoded yet, so a small file that claims a huge picture costs nothing.
            int uprightWidth;
            bool profiled;
            using (var header = Image.NewFromBuffer(upload, access: Enums.Access.Sequential, failOn: Enums.FailOn.Truncated))
            {
                if (ShapeRefusal(header.Width, header.Height) is { } shape)
                {
                    return IntakeResult.Refused(shape);
                }

                // Orientations 5 to 8 turn the picture a quarter: its upright width is the stored height.
                var orientation = header.Contains("orientation") ? (int)header.Get("orientation") : 1;
                uprightWidth = orientation is >= 5 and <= 8 ? header.Height : header.Width;
                profiled = header.Contains("icc-profile-data") || header.Interpretation == Enums.Interpretation.Cmyk;

                // Then every pixel, in a stream (a few lines at a time): a truncated or corrupt file fails here
                // rather than being filled with grey by the shrinking decoders below.
                Within(header, deadline.Token).Avg();
            }

            return Encode(upload, uprightWidth, profiled, deadline.Token);
        }
        catch (VipsException)
        {
            return IntakeResult.Refused(deadline.IsCancellationRequested ? TooSlow(limit) : "The file is damaged or incomplete: it could not be read as a picture.");
        }
    }

    /// <summary>Why a picture of this size is refused before a pixel of it is read, or null.</summary>
    public static string? ShapeRefusal(int width, int height)
    {
        if ((long)width * height > MaxPixels)
        {
            return $"The picture is {width:N0} × {height:N0} pixels; the most accepted is 40 megapixels.";
        }

        if (width > MaxSide || height > MaxSide)
        {
            return $"The picture is {width:N0} × {height:N0} pixels; the most accepted is {MaxSide:N0} pixels a side.";
        }

        return Math.Max(width, height) > (long)MaxAspect * Math.Max(1, Math.Min(width, height))
            ? $"The picture is {width:N0} × {height:N0} pixels: more than {MaxAspect} times as long as it is wide, which no picture of the story needs."
            : null;
    }

    /// <summary>The image, stopped by libvips (a <see cref="VipsException"/>) once <paramref name="deadline"/> passes while it is computed.</summary>
    private static Image Within(Image image, CancellationToken deadline)
    {
        image.SetProgress(NoProgress.Instance, deadline);
        return image;
    }

    private sealed class NoProgress : IProgress<int>
    {
        public static readonly NoProgress Instance = new();

        public void Report(int value)
        {
        }
    }

    /// <summary>
    /// Checks a file the intake made, coming back from elsewhere (an export being imported): the same checks as an
    /// upload's, and that it is still what the intake made of one. Its name must be the hash of its bytes, its content
    /// the format its name says, with no markup and no metadata (the intake keeps none), its size in its header the one
    /// recorded, and every pixel must decode. Null when it passes; else why not.
    /// </summary>
    public static string? CheckStored(string name, byte[] bytes, int width, int height)
    {
        if (bytes.Length == 0 || bytes.Length > MaxBytes)
        {
            return bytes.Length == 0 ? "the file is empty" : TooLarge(bytes.Length);
        }

        if (!name.StartsWith(Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + ".", StringComparison.Ordinal))
        {
            return "the file's bytes are not the ones its name is the hash of";
        }

        var format = Sniff(bytes);
        if (format is null || MediaStore.ContentTypeOf(name) != MediaStore.ContentTypeOf("x." + (format == "jpeg" ? "jpg" : format)))
        {
            return $"the file is not the {name[(name.IndexOf('.') + 1)..].ToUpperInvariant()} picture its name says";
        }

        if (MarkupIn(bytes) is { } marker)
        {
            return $"the picture also carries markup (“{marker}”)";
        }

        EnsureReady();
        try
        {
            using var header = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential, failOn: Enums.FailOn.Truncated);
            if (ShapeRefusal(header.Width, header.Height) is not null || header.Width != width || header.Height != height)
            {
                return $"the picture is {header.Width} × {header.Height} pixels, not the {width} × {height} recorded";
            }

            if (Metadata.FirstOrDefault(header.Contains) is { } field)
            {
                return $"the picture holds metadata ({field}), which the wiki never keeps";
            }

            header.Avg();
            return null;
        }
        catch (VipsException)
        {
            return "the file is damaged or incomplete: it could not be read as a picture";
        }
    }

    /// <summary>What libvips calls the metadata a picture may carry, none of which the intake keeps.</summary>
    private static readonly string[] Metadata = ["exif-data", "xmp-data", "iptc-data", "icc-profile-data"];

    private static IntakeResult Encode(byte[] upload, int uprightWidth, bool profiled, CancellationToken deadline)
    {
        // Each file is made by libvips's thumbnail from the upload itself: it decodes in a stream (shrinking on load
        // where the format allows, as JPEG does by eighths), turns the picture upright, and converts it to sRGB
        // through its ICC profile (CMYK without one through libvips's own), or by colourspace when it has none (a
        // profile transform of every pixel costs three times as much).
        Image Upright(int width) => Within(
            Image.ThumbnailBuffer(upload, width, height: 10_000_000, size: Enums.Size.Down, outputProfile: profiled ? "srgb" : null, intent: Enums.Intent.Perceptual, failOn: Enums.FailOn.Truncated),
            deadline);

        MediaFile original;
        using (var full = Upright(uprightWidth))
        {
            original = full.HasAlpha()
                ? File(full.PngsaveBuffer(compression: 9, keep: Enums.ForeignKeep.None), "png", full)
                : File(full.JpegsaveBuffer(q: 90, optimizeCoding: (long)full.Width * full.Height <= OptimizedJpegPixels, keep: Enums.ForeignKeep.None), "jpg", full);
        }

        var variants = new List<MediaFile>();
        foreach (var width in VariantWidths.Where(w => w < uprightWidth).Append(uprightWidth).Where(w => w <= VariantWidths[^1]).Distinct().Order())
        {
            // Encoded three times, so held in memory once (at most 1280 pixels wide) rather than decoded three times.
            using var streamed = Upright(width);
            using var scaled = Within(streamed.CopyMemory(), deadline);
            using var flat = scaled.HasAlpha() ? scaled.Flatten(background: [255, 255, 255]) : scaled.Copy();
            variants.Add(File(scaled.HeifsaveBuffer(q: 50, compression: Enums.ForeignHeifCompression.Av1, effort: 2, keep: Enums.ForeignKeep.None), "avif", scaled));
            variants.Add(File(scaled.WebpsaveBuffer(q: 75, effort: 4, keep: Enums.ForeignKeep.None), "webp", scaled));
            variants.Add(File(flat.JpegsaveBuffer(q: 78, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None), "jpg", flat));
        }

        return new IntakeResult(null, original, variants);
    }

    private static MediaFile File(byte[] bytes, string extension, Image image)
    {
        var name = $"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}.{extension}";
        return new(name, MediaStore.ContentTypeOf(name), image.Width, image.Height, bytes);
    }

    private static bool LooksLikeMarkup(ReadOnlySpan<byte> bytes)
    {
        var start = bytes[..Math.Min(bytes.Length, 1024)];
        return start.TrimStart(SpaceAndByteOrderMark).StartsWith("<"u8) || MarkupIn(start) is not null;
    }

    private static void EnsureReady()
    {
        lock (Setup)
        {
            if (_ready)
            {
                return;
            }

            // Only the five loaders may ever run, whatever libvips would otherwise recognise (SVG, PDF, TIFF, ...).
            Operation.Block("VipsForeignLoad", true);
            foreach (var loader in Loaders)
            {
                Operation.Block(loader, false);
            }

            NetVips.NetVips.BlockUntrusted = true;
            Cache.Max = 0;
            ProcessMemory.LimitArenas();
            _ready = true;
        }
    }
}
