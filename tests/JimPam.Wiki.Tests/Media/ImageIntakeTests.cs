using System.Text;
using JimPam.Wiki.Media;
using NetVips;
using static JimPam.Wiki.Tests.Media.TestPictures;

namespace JimPam.Wiki.Tests.Media;

/// <summary>
/// The uploads an editor (or someone who stole an editor's session) might send, fed to the intake that every image
/// goes through before anything is stored: each is refused with a reason, or stored cleaned as the issue states.
/// </summary>
public sealed class ImageIntakeTests
{
    [Fact]
    public void An_svg_with_script_is_refused_as_markup()
    {
        var svg = Encoding.UTF8.GetBytes("""<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>""");

        var result = ImageIntake.Process(svg);

        Assert.False(result.Accepted);
        Assert.Contains("SVG", result.Refusal, StringComparison.Ordinal);
        Assert.Null(result.Original);
    }

    [Fact]
    public void A_png_whose_header_claims_50000_by_50000_pixels_is_refused_before_decoding()
    {
        var bomb = PngClaiming(50_000, 50_000);

        var result = ImageIntake.Process(bomb);

        Assert.False(result.Accepted);
        Assert.Contains("50,000 × 50,000", result.Refusal, StringComparison.Ordinal);
        Assert.Contains("40 megapixels", result.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 40_000_000, "16,384 pixels a side")]
    [InlineData(20_000, 1_000, "16,384 pixels a side")]
    [InlineData(16_000, 400, "more than 30 times as long as it is wide")]
    [InlineData(2, 3_000, "more than 30 times as long as it is wide")]
    public void A_picture_whose_header_claims_a_side_or_a_shape_no_photograph_has_is_refused_before_decoding(int width, int height, string reason)
    {
        // A 78 KB PNG of 1 x 40,000,000 pixels held the decoder for 12 to 20 s before it was called damaged.
        var result = ImageIntake.Process(PngClaiming(width, height));

        Assert.False(result.Accepted);
        Assert.Contains($"{width:N0} × {height:N0}", result.Refusal, StringComparison.Ordinal);
        Assert.Contains(reason, result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_picture_still_being_read_when_its_time_limit_passes_is_refused_as_too_slow()
    {
        var jpeg = Photo(900, 600).JpegsaveBuffer(q: 90);

        // A limit that has passed before the reading starts: the decoder stops at its first step, on any machine.
        var result = ImageIntake.Process(jpeg, TimeSpan.Zero);

        Assert.False(result.Accepted);
        Assert.Equal(ImageIntake.TooSlow(TimeSpan.Zero), result.Refusal);
        Assert.True(ImageIntake.Process(jpeg, ImageIntake.DefaultTimeLimit).Accepted);
    }

    [Fact]
    public void A_truncated_jpeg_is_refused_as_damaged()
    {
        var jpeg = Photo(800, 600).JpegsaveBuffer(q: 90);

        var result = ImageIntake.Process(jpeg[..(jpeg.Length / 2)]);

        Assert.False(result.Accepted);
        Assert.Contains("damaged or incomplete", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jpeg_is_judged_by_its_content_so_a_jpeg_sent_as_png_is_stored_as_a_jpeg()
    {
        // The intake is never told the name or the declared type; the form passes the bytes alone.
        var jpeg = Photo(900, 600).JpegsaveBuffer(q: 90);

        var result = ImageIntake.Process(jpeg);

        Assert.True(result.Accepted, result.Refusal);
        Assert.Equal("image/jpeg", result.Original!.ContentType);
        Assert.EndsWith(".jpg", result.Original.Name, StringComparison.Ordinal);
        Assert.Equal((900, 600), (result.Original.Width, result.Original.Height));
    }

    [Fact]
    public void A_file_that_is_both_a_gif_and_html_is_refused()
    {
        var polyglot = GifAndHtml();
        using (var decoded = Image.NewFromBuffer(polyglot))
        {
            Assert.Equal(16, decoded.Width); // the polyglot is a real GIF
        }

        var result = ImageIntake.Process(polyglot);

        Assert.False(result.Accepted);
        Assert.Contains("also carries markup", result.Refusal, StringComparison.Ordinal);
        Assert.Contains("GIF", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var result = ImageIntake.Process([]);

        Assert.Equal("The file is empty.", result.Refusal);
    }

    [Fact]
    public void A_25_mb_file_is_refused_by_its_size()
    {
        var big = new byte[25 * 1024 * 1024];
        Photo(64, 64).JpegsaveBuffer().CopyTo(big, 0);

        var result = ImageIntake.Process(big);

        Assert.False(result.Accepted);
        Assert.Contains("25.0 MB", result.Refusal, StringComparison.Ordinal);
        Assert.Contains("20 MB", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jpeg_with_gps_exif_is_stored_with_no_metadata_at_all()
    {
        var jpeg = WithGpsExif(Photo(1600, 1200).JpegsaveBuffer(q: 90));
        using (var input = Image.NewFromBuffer(jpeg))
        {
            Assert.Contains(input.GetFields(), f => f.StartsWith("exif-ifd3-GPSLatitude", StringComparison.Ordinal));
        }

        var result = ImageIntake.Process(jpeg);

        Assert.True(result.Accepted, result.Refusal);
        foreach (var file in result.Variants.Append(result.Original!))
        {
            using var stored = Image.NewFromBuffer(file.Bytes);
            Assert.DoesNotContain(stored.GetFields(), f => f.StartsWith("exif", StringComparison.Ordinal) || f.StartsWith("xmp", StringComparison.Ordinal)
                || f.StartsWith("iptc", StringComparison.Ordinal) || f.StartsWith("icc", StringComparison.Ordinal));
            Assert.True(IndexOf(file.Bytes, "Exif\0\0"u8) < 0, file.Name);
        }
    }

    [Fact]
    public void A_cmyk_jpeg_is_stored_in_srgb()
    {
        using var cmyk = Photo(640, 480).IccTransform("cmyk");
        var jpeg = cmyk.JpegsaveBuffer(q: 90);
        using (var input = Image.NewFromBuffer(jpeg))
        {
            Assert.Equal(Enums.Interpretation.Cmyk, input.Interpretation);
        }

        var result = ImageIntake.Process(jpeg);

        Assert.True(result.Accepted, result.Refusal);
        using var stored = Image.NewFromBuffer(result.Original!.Bytes);
        Assert.Equal(Enums.Interpretation.Srgb, stored.Interpretation);
        Assert.Equal(3, stored.Bands);
    }

    [Fact]
    public void A_rotated_phone_photo_is_stored_upright()
    {
        // The camera wrote the pixels sideways (400 wide, 200 high) and said so in EXIF orientation 6 (turn 90°).
        using var sideways = Photo(400, 200).Mutate(m => m.Set(GValue.GIntType, "orientation", 6));
        var jpeg = sideways.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.Exif);

        var result = ImageIntake.Process(jpeg);

        Assert.True(result.Accepted, result.Refusal);
        Assert.Equal((200, 400), (result.Original!.Width, result.Original.Height));
        using var stored = Image.NewFromBuffer(result.Original.Bytes);
        Assert.False(stored.Contains("orientation") && (int)stored.Get("orientation") != 1);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("webp")]
    [InlineData("avif")]
    [InlineData("gif")]
    public void Each_accepted_format_gives_variants_in_avif_webp_and_jpeg_no_wider_than_the_original(string format)
    {
        using var photo = Photo(1000, 500);
        var upload = format switch
        {
            "png" => photo.PngsaveBuffer(),
            "webp" => photo.WebpsaveBuffer(),
            "avif" => photo.HeifsaveBuffer(compression: Enums.ForeignHeifCompression.Av1, effort: 0),
            _ => photo.GifsaveBuffer(),
        };
        Assert.Equal(format, ImageIntake.Sniff(upload));

        var result = ImageIntake.Process(upload);

        Assert.True(result.Accepted, result.Refusal);
        var widths = result.Variants.GroupBy(v => v.Width).OrderBy(g => g.Key).ToList();
        Assert.Equal([320, 640, 1000], widths.Select(g => g.Key));
        Assert.All(widths, g => Assert.Equal(["image/avif", "image/jpeg", "image/webp"], g.Select(v => v.ContentType).Order()));
        Assert.All(result.Variants, v => Assert.Equal(v.Width / 2, v.Height));
        Assert.All(result.Variants, v => Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(v.Bytes))[..32], v.Name[..32]));
        foreach (var variant in result.Variants)
        {
            using var decoded = Image.NewFromBuffer(variant.Bytes);
            Assert.Equal((variant.Width, variant.Height), (decoded.Width, decoded.Height));
        }
    }

    [Fact]
    public void Bytes_that_are_no_picture_are_refused_by_content()
    {
        var result = ImageIntake.Process(Encoding.UTF8.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj"));

        Assert.False(result.Accepted);
        Assert.Contains("not a JPEG, PNG, WebP, AVIF or GIF", result.Refusal, StringComparison.Ordinal);
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);
}
