using System.Text;
using JimPam.Wiki.Content;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace JimPam.Wiki.Infrastructure;

/// <summary>
/// Reads the text fields of a posted form, URL-encoded or multipart, the same way for both and before the framework
/// does, so that what the framework would refuse, garble or store silently is found, field by field:
/// <list type="bullet">
/// <item>a NUL character (which PostgreSQL refuses, and which no form of the wiki's pages sends);</item>
/// <item>a multipart field in a charset other than UTF-8 (the framework throws on utf-7 and decodes utf-16, utf-32 or
/// ibm037 into text nobody typed);</item>
/// <item>bytes that are not UTF-8 (the framework turns them silently into U+FFFD).</item>
/// </list>
/// Each such field is given back with what could be read of it (as UTF-8, the NUL removed) and a reason. Files are
/// not read here; the form's limits (<see cref="FormOptions"/>) apply as the framework applies them.
/// </summary>
public static class FormScan
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The fields as read, and the fields that could not be read as sent with the reason for each; or, for a form that
    /// breaks its limits or its own format, why it cannot be read at all (<paramref name="Refusal"/>).
    /// </summary>
    public sealed record Result(Dictionary<string, StringValues> Fields, IReadOnlyDictionary<string, FieldProblem> Unreadable, string? Refusal = null);

    /// <summary>Why a field could not be read as sent: what the editor reads next to it, and the same in a few words for above the form.</summary>
    public sealed record FieldProblem(string Message, string Summary);

    private static readonly FieldProblem Nul = new(
        "This field held a NUL character, which the wiki cannot store. It was removed: check the text and send the form again.",
        "a field held a NUL character");

    private static readonly FieldProblem NotUtf8 = new(
        "This field held bytes that are not UTF-8 text, shown here as �. Check the text and send the form again.",
        "a field held bytes that are not UTF-8 text");

    private static FieldProblem Charset(string charset) => new(
        $"This field was sent in the charset “{charset}”, and the wiki reads forms in UTF-8 only, as every browser sends them. It is shown as read in UTF-8: check the text and send the form again.",
        $"a field was sent in the charset “{charset}”, not UTF-8");

    /// <summary>Reads the buffered body of <paramref name="request"/> (from its start, leaving it there).</summary>
    public static async Task<Result> ReadAsync(HttpRequest request, FormOptions limits, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        var unreadable = new Dictionary<string, FieldProblem>(StringComparer.OrdinalIgnoreCase);
        request.Body.Position = 0;
        try
        {
            var refusal = MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
                ? await ReadMultipartAsync(request.Body, type, limits, fields, unreadable, cancellationToken)
                : await ReadUrlEncodedAsync(request.Body, limits, fields, unreadable, cancellationToken);
            return new Result(fields, unreadable, refusal);
        }
        catch (InvalidDataException e)
        {
            // The multipart reader's own limits and format (a boundary or headers too long, a section never closed).
            return new Result(fields, unreadable, e.Message);
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static async Task<string?> ReadUrlEncodedAsync(Stream body, FormOptions limits, Dictionary<string, StringValues> fields, Dictionary<string, FieldProblem> unreadable, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var count = 0;
        foreach (var pair in Split(bytes, (byte)'&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            if (++count > limits.ValueCountLimit)
            {
                return CountLimit(limits);
            }

            var equals = pair.Span.IndexOf((byte)'=');
            var (key, keyProblem) = Text(PercentDecoded(equals < 0 ? pair.Span : pair.Span[..equals]));
            var (value, valueProblem) = Text(PercentDecoded(equals < 0 ? [] : pair.Span[(equals + 1)..]));
            if (LengthLimit(limits, key.Length, value.Length) is { } tooLong)
            {
                return tooLong;
            }

            Add(fields, unreadable, key, value, keyProblem ?? valueProblem);
        }

        return null;
    }

    private static string CountLimit(FormOptions limits) => $"Form value count limit {limits.ValueCountLimit} exceeded.";

    private static string? LengthLimit(FormOptions limits, long key, long value) =>
        key > limits.KeyLengthLimit ? $"Form key length limit {limits.KeyLengthLimit} exceeded."
        : value > limits.ValueLengthLimit ? $"Form value length limit {limits.ValueLengthLimit} exceeded."
        : null;

    private static async Task<string?> ReadMultipartAsync(Stream body, MediaTypeHeaderValue type, FormOptions limits, Dictionary<string, StringValues> fields, Dictionary<string, FieldProblem> unreadable, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > limits.MultipartBoundaryLengthLimit)
        {
            return string.IsNullOrEmpty(boundary) ? "The form has no multipart boundary." : $"Multipart boundary length limit {limits.MultipartBoundaryLengthLimit} exceeded.";
        }

        var reader = new MultipartReader(boundary, body)
        {
            HeadersCountLimit = limits.MultipartHeadersCountLimit,
            HeadersLengthLimit = limits.MultipartHeadersLengthLimit,
            BodyLengthLimit = limits.MultipartBodyLengthLimit,
        };
        var count = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFormDisposition())
            {
                await section.Body.DrainAsync(cancellationToken);
                continue;
            }

            // Files are the framework's to read (and the picture intake's to check); only text fields are read here.
            if (disposition.IsFileDisposition())
            {
                await section.Body.DrainAsync(cancellationToken);
                continue;
            }

            if (++count > limits.ValueCountLimit)
            {
                return CountLimit(limits);
            }

            var key = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
            using var value = new MemoryStream();
            await section.Body.CopyToAsync(value, cancellationToken);
            if (LengthLimit(limits, key.Length, value.Length) is { } tooLong)
            {
                return tooLong;
            }

            var (text, problem) = Text(value.GetBuffer().AsSpan(0, (int)value.Length));
            if (ForeignCharset(section.ContentType) is { } charset)
            {
                problem = Charset(charset);
            }

            Add(fields, unreadable, key, text, problem);
        }

        return null;
    }

    /// <summary>The charset a body or part names when it is not UTF-8 (or its subset US-ASCII), shortened and printable; else null.</summary>
    public static string? ForeignCharset(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type))
        {
            return null;
        }

        var charset = HeaderUtilities.RemoveQuotes(type.Charset).ToString().Trim();
        return charset.Length == 0
               || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
               || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
               || charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase)
            ? null
            : new string([.. charset.Take(40).Select(c => char.IsControl(c) ? '?' : c)]);
    }

    /// <summary>Adds a field, with what could be read of it and the reason it could not be read as sent, when it holds text no form sends.</summary>
    private static void Add(Dictionary<string, StringValues> fields, Dictionary<string, FieldProblem> unreadable, string key, string value, FieldProblem? problem)
    {
        if (UnicodeText.UnsendableAt(key) >= 0 || UnicodeText.UnsendableAt(value) >= 0)
        {
            (key, value) = (UnicodeText.Sendable(key), UnicodeText.Sendable(value));
            problem ??= Nul;
        }

        if (problem is not null)
        {
            unreadable.TryAdd(key, problem);
        }

        fields[key] = fields.TryGetValue(key, out var earlier) ? StringValues.Concat(earlier, value) : new StringValues(value);
    }

    /// <summary>The bytes as UTF-8 text; when they are not UTF-8, what could be read (U+FFFD for each bad byte) and why.</summary>
    private static (string Text, FieldProblem? Problem) Text(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return (StrictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.UTF8.GetString(bytes), NotUtf8);
        }
    }

    /// <summary>A URL-encoded key or value as bytes: '+' a space, each %XX its byte (a '%' without two hex digits stays as it is).</summary>
    private static byte[] PercentDecoded(ReadOnlySpan<byte> encoded)
    {
        var decoded = new byte[encoded.Length];
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == '%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
            {
                decoded[length++] = (byte)((Hex(encoded[i + 1]) << 4) | Hex(encoded[i + 2]));
                i += 2;
            }
            else
            {
                decoded[length++] = b == '+' ? (byte)' ' : b;
            }
        }

        return decoded[..length];
    }

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static int Hex(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;

    private static IEnumerable<ReadOnlyMemory<byte>> Split(ReadOnlyMemory<byte> bytes, byte separator)
    {
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i == bytes.Length || bytes.Span[i] == separator)
            {
                yield return bytes[start..i];
                start = i + 1;
            }
        }
    }
}
