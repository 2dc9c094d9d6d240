using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Entries;

/// <summary>A picture made from an upload, ready to be recorded: the upload's hash, its cleaned original and its variants.</summary>
public sealed record NewImage(string Hash, string Original, int Width, int Height, long Length, IReadOnlyList<ImageVariant> Variants);

public sealed partial class EntryWriter
{
    /// <summary>The picture already made from an upload with this hash, if there is one.</summary>
    public Task<int?> ImageOfUploadAsync(string hash, CancellationToken cancellationToken) =>
        db.Images.AsNoTracking().Where(i => i.Hash == hash).Select(i => (int?)i.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Records a picture, with its files written by <paramref name="storeFiles"/> in the same transaction (so with the
    /// database store the files and the row are saved together or not at all), and gives its id. An upload already
    /// recorded (the same bytes, by another editor or another instance at the same moment) gives the picture it made.
    /// </summary>
    public async Task<int> AddImageAsync(NewImage image, string author, Func<CancellationToken, Task> storeFiles, CancellationToken cancellationToken)
    {
        await using (var transaction = await BeginAsync(cancellationToken))
        {
            if (await ImageOfUploadAsync(image.Hash, cancellationToken) is { } existing)
            {
                return existing;
            }

            var row = new StoredImage
            {
                Hash = image.Hash, Original = image.Original, Width = image.Width, Height = image.Height, Length = image.Length,
                VariantsJson = StoredImage.Write(image.Variants), UploadedAt = clock.GetUtcNow(), UploadedBy = author,
            };
            try
            {
                await storeFiles(cancellationToken);
                db.Images.Add(row);
                await SaveAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return row.Id;
            }
            catch (DbUpdateException) when (transaction.Owned)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        // Another writer recorded the same upload between our look and our save: that one is the picture.
        return await ImageOfUploadAsync(image.Hash, cancellationToken)
            ?? throw new InvalidOperationException($"The picture {image.Hash} could not be recorded.");
    }
}
