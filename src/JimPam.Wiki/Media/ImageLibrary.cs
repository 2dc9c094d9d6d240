using System.Diagnostics;
using System.Security.Cryptography;
using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;

namespace JimPam.Wiki.Media;

/// <summary>What became of an upload: the picture it made (or had made before), or why it was refused.</summary>
public sealed record UploadResult(int? ImageId, string? Refusal);

/// <summary>
/// Takes an editor's upload into the wiki's media: refused as <see cref="ImageIntake"/> says (and then nothing is
/// stored), or cleaned, its variants made, its files stored and the picture recorded through the writer. The same
/// bytes uploaded again give the picture they made the first time, without decoding them again.
/// One upload at a time in each instance is read into memory and decoded, each within its time limit
/// (<see cref="WikiOptions.UploadTimeLimit"/>): the others wait with their files where the form put them (on disk), so a
/// burst of uploads takes no more memory than one, and no one file can hold up the rest for longer than the limit.
/// After each, the memory it took is given back to the system.
/// </summary>
public sealed class ImageLibrary(MediaStore store, EntryWriter writer, Microsoft.Extensions.Options.IOptions<WikiOptions> options, ILogger<ImageLibrary> logger)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public async Task<UploadResult> UploadAsync(Stream content, long length, string author, CancellationToken cancellationToken)
    {
        // Refused by its size before a byte of it is read.
        if (length > ImageIntake.MaxBytes)
        {
            return new(null, ImageIntake.TooLarge(length));
        }

        IntakeResult intake;
        byte[] bytes;
        string hash;
        var clock = Stopwatch.StartNew();
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            bytes = new byte[length];
            await content.ReadExactlyAsync(bytes, cancellationToken);
            hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..StoredImage.HashLength];
            if (await writer.ImageOfUploadAsync(hash, cancellationToken) is { } known)
            {
                return new(known, null);
            }

            var limit = options.Value.UploadTimeLimit;
            intake = await Task.Run(() => ImageIntake.Process(bytes, limit), cancellationToken);
        }
        finally
        {
            // The memory of this decoding goes back before the next one starts: freed in the C library's arenas and
            // the runtime's heap, it was not reused well, and a burst's peak grew with each upload.
            ProcessMemory.GiveBack();
            OneAtATime.Release();
        }

        if (intake.Refusal is { } refusal)
        {
            logger.LogInformation("Upload of {Bytes} bytes by {Editor} refused: {Refusal}", bytes.Length, author, refusal);
            return new(null, refusal);
        }

        var original = intake.Original!;
        var image = new NewImage(hash, original.Name, original.Width, original.Height, original.Bytes.Length,
            [.. intake.Variants.Select(v => new ImageVariant(v.Name, v.Width, v.Height, v.Bytes.Length))]);
        var id = await writer.AddImageAsync(image, author, ct => store.PutAsync([original, .. intake.Variants], ct), cancellationToken);
        logger.LogInformation("Upload of {Bytes} bytes by {Editor} stored as picture {ImageId} ({Width} × {Height}, {Files} files) in {Milliseconds} ms",
            bytes.Length, author, id, original.Width, original.Height, intake.Variants.Count + 1, clock.ElapsedMilliseconds);
        return new(id, null);
    }
}
