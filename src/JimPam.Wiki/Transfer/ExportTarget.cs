using JimPam.Wiki.Data;

namespace JimPam.Wiki.Transfer;

/// <summary>
/// Where an export writes: a folder that must be new or empty (an export never mixes with other files), filled through
/// a folder beside it that becomes the target only once everything is written, so a failed or interrupted export
/// leaves no half-written target. Files are counted as they are written.
/// </summary>
public sealed class ExportTarget : IDisposable
{
    private ExportTarget(string root)
    {
        Root = root;
        Temporary = $"{root}.{Guid.NewGuid():N}.part";
        Directory.CreateDirectory(Temporary);
    }

    /// <summary>The target, as a full path.</summary>
    public string Root { get; }

    /// <summary>The folder being written, which <see cref="Complete"/> makes the target.</summary>
    public string Temporary { get; }

    public int Files { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>Checks the target (new or empty, not a file) and starts writing beside it.</summary>
    public static ExportTarget Open(string folder)
    {
        var root = Path.GetFullPath(folder);
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new StartupException($"{root} is not empty; export into a new or empty folder.");
        }

        if (File.Exists(root))
        {
            throw new StartupException($"{root} is a file; export into a new or empty folder.");
        }

        return new ExportTarget(root);
    }

    /// <summary>The full path of a file of the export (by its path inside it, with '/'), its folder made.</summary>
    public string PathOf(string path)
    {
        var full = Path.Combine(Temporary, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    public void Write(string path, byte[] content)
    {
        File.WriteAllBytes(PathOf(path), content);
        Counted(content.Length);
    }

    /// <summary>Counts a file written some other way (a stream).</summary>
    public void Counted(long bytes) => (Files, Bytes) = (Files + 1, Bytes + bytes);

    /// <summary>Makes the written folder the target.</summary>
    public void Complete()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root);
        }

        Directory.Move(Temporary, Root);
    }

    /// <summary>Removes what was written when it did not complete.</summary>
    public void Dispose()
    {
        if (Directory.Exists(Temporary))
        {
            Directory.Delete(Temporary, recursive: true);
        }
    }
}
