using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Media;

/// <summary>A stored file as it is served.</summary>
public sealed record MediaContent(string ContentType, byte[] Bytes);

/// <summary>
/// Where image files live. The default keeps them in the wiki's database (<see cref="DatabaseMediaStore"/>): every
/// instance on that database serves the same files with nothing more to set up, and a backup of the database holds
/// the pictures too. An operator may point Wiki:MediaFolder at a folder (shared between the instances when there are
/// several) instead (<see cref="FolderMediaStore"/>). Files are named by the hash of their bytes, so a name is
/// written once and never changes: storing a name that is already there does nothing.
/// </summary>
public abstract class MediaStore
{
    public abstract Task PutAsync(IReadOnlyList<MediaFile> files, CancellationToken cancellationToken);

    /// <summary>The file's type and bytes, or null when there is no such file.</summary>
    public abstract Task<MediaContent?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Whether a name is one this store could hold (hex digits and an image extension), so no other path is ever read.</summary>
    public static bool IsName(string name) =>
        name.Length <= MediaBlob.NameMaxLength
        && name.IndexOf('.') is 32 && name[..32].All(char.IsAsciiHexDigitLower)
        && name[33..] is "jpg" or "png" or "webp" or "avif";

    public static string ContentTypeOf(string name) => name[(name.IndexOf('.') + 1)..] switch
    {
        "jpg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        _ => "image/avif",
    };
}

/// <summary>Image files as rows of the wiki's database (the default).</summary>
public sealed class DatabaseMediaStore(WikiDbContext db) : MediaStore
{
    public override async Task PutAsync(IReadOnlyList<MediaFile> files, CancellationToken cancellationToken)
    {
        var names = files.Select(f => f.Name).ToList();
        var present = await db.MediaBlobs.AsNoTracking().Where(m => names.Contains(m.Name)).Select(m => m.Name).ToListAsync(cancellationToken);
        foreach (var file in files.DistinctBy(f => f.Name).Where(f => !present.Contains(f.Name)))
        {
            db.MediaBlobs.Add(new MediaBlob { Name = file.Name, ContentType = file.ContentType, Width = file.Width, Height = file.Height, Bytes = file.Bytes });
        }

        // One transaction for the upload's files: all of them or none.
        await db.SaveChangesAsync(cancellationToken);
    }

    public override async Task<MediaContent?> GetAsync(string name, CancellationToken cancellationToken) =>
        !IsName(name) ? null
        : await db.MediaBlobs.AsNoTracking().Where(m => m.Name == name)
            .Select(m => new MediaContent(m.ContentType, m.Bytes))
            .FirstOrDefaultAsync(cancellationToken);
}

/// <summary>
/// Image files in a folder (Wiki:MediaFolder). Each is written to a temporary name and renamed into place, so a
/// reader never sees half a file.
/// </summary>
public sealed class FolderMediaStore(string folder) : MediaStore
{
    public override async Task PutAsync(IReadOnlyList<MediaFile> files, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in files.DistinctBy(f => f.Name))
        {
            var path = Path.Combine(folder, file.Name);
            if (File.Exists(path))
            {
                continue;
            }

            var temporary = Path.Combine(folder, $".{file.Name}.{Guid.NewGuid():N}.part");
            await File.WriteAllBytesAsync(temporary, file.Bytes, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
    }

    public override async Task<MediaContent?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, name);
        if (!IsName(name) || !File.Exists(path))
        {
            return null;
        }

        return new MediaContent(ContentTypeOf(name), await File.ReadAllBytesAsync(path, cancellationToken));
    }
}
