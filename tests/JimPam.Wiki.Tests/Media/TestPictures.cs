using System.Buffers.Binary;
using System.Text;
using NetVips;

namespace JimPam.Wiki.Tests.Media;

/// <summary>The pictures (and the files that pretend to be) the media tests upload, made here so no binary is kept in the repository.</summary>
public static class TestPictures
{
    /// <summary>A valid GIF that is also a page: a comment extension (0x21 0xFE) before the trailer holds HTML with script.</summary>
    public static byte[] GifAndHtml()
    {
        using var gif = Photo(16, 16);
        var picture = gif.GifsaveBuffer();
        var comment = Encoding.ASCII.GetBytes("<html><script>alert(1)</script></html>");
        return [.. picture[..^1], 0x21, 0xFE, (byte)comment.Length, .. comment, 0x00, 0x3B];
    }

    /// <summary>A picture with detail in it (so its encodings are not trivially small), as a phone might take.</summary>
    public static Image Photo(int width, int height)
    {
        using var noise = Image.Gaussnoise(width, height, mean: 128, sigma: 40);
        using var red = Image.Xyz(width, height)[0].Linear([255.0 / width], [0.0]);
        using var rgb = red.Bandjoin(noise, noise.Linear([0.5], [60.0]));
        return rgb.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    /// <summary>A PNG of one real row whose header (with a correct CRC) claims the given size.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var png = Photo(8, 8).PngsaveBuffer();
        // The IHDR chunk follows the 8-byte signature: length (4), "IHDR" (4), width (4), height (4), ... then its CRC.
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>The JPEG with an APP1 Exif segment holding a GPS position (51° 30′ N), as a phone writes it.</summary>
    public static byte[] WithGpsExif(byte[] jpeg)
    {
        var tiff = new List<byte>();
        void U16(int v) => tiff.AddRange([(byte)(v >> 8), (byte)v]);
        void U32(long v) => tiff.AddRange([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);
        tiff.AddRange("MM"u8.ToArray());
        U16(42);
        U32(8);
        // IFD0 at 8: one entry, the GPS IFD's offset (26).
        U16(1);
        U16(0x8825); U16(4); U32(1); U32(26);
        U32(0);
        // The GPS IFD at 26: latitude reference and latitude (three rationals at 26 + 2 + 2 * 12 + 4 = 56).
        U16(2);
        U16(0x0001); U16(2); U32(2); tiff.AddRange([(byte)'N', 0, 0, 0]);
        U16(0x0002); U16(5); U32(3); U32(56);
        U32(0);
        U32(51); U32(1); U32(30); U32(1); U32(0); U32(1);
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new byte[] { 0xFF, 0xE1, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2) }.Concat(payload);
        return jpeg[..2].Concat(segment).Concat(jpeg[2..]).ToArray();
    }
}
