using System.Buffers;
using JimPam.Wiki.Import;

namespace JimPam.Wiki.Transfer;

/// <summary>
/// The files of an export folder as an import may read them: plain files whose real place is inside the folder, and
/// text that is UTF-8. A symbolic link anywhere below the folder (to a file, or to a folder of seasons) is refused,
/// so an export cannot make the wiki read, import and then serve a file from elsewhere on the machine; bytes that are
/// not UTF-8 are refused at their line rather than turned silently into U+FFFD. Each refusal names the file.
/// </summary>
public static class ExportFiles
{
    /// <summary>The plain files under <paramref name="folder"/> (relative to <paramref name="root"/>), at any depth; none when it is absent.</summary>
    public static IReadOnlyList<string> Under(string root, string folder)
    {
        var top = new DirectoryInfo(Path.Combine(root, folder));
        if (!top.Exists && top.LinkTarget is null)
        {
            return [];
        }

        var files = new List<string>();
        var pending = new Stack<DirectoryInfo>([(DirectoryInfo)Plain(root, top)]);
        while (pending.TryPop(out var directory))
        {
            foreach (var item in directory.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, RecurseSubdirectories = false, IgnoreInaccessible = false }))
            {
                switch (Plain(root, item))
                {
                    case DirectoryInfo below:
                        pending.Push(below);
                        break;
                    case var file:
                        files.Add(file.FullName);
                        break;
                }
            }
        }

        return files;
    }

    /// <summary>Refuses a file that is, or lies in a folder that is, a link, or that is no plain file; else its full path.</summary>
    public static string Check(string root, string relative)
    {
        var path = root;
        foreach (var part in relative.Split('/'))
        {
            path = Path.Combine(path, part);
            Plain(root, Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path));
        }

        return File.Exists(path) ? path : throw new ImportException(relative, 0, "is not a plain file");
    }

    /// <summary>A file's bytes, once <see cref="Check"/> has passed it.</summary>
    public static Task<byte[]> ReadBytesAsync(string root, string relative, CancellationToken cancellationToken) =>
        File.ReadAllBytesAsync(Check(root, relative), cancellationToken);

    /// <summary>A text file of at most <paramref name="maxBytes"/>, which must be UTF-8 (a refusal names the line of the first byte that is not).</summary>
    public static string ReadText(string root, string relative, long maxBytes)
    {
        var path = Check(root, relative);
        var length = new FileInfo(path).Length;
        if (length > maxBytes)
        {
            throw new ImportException(relative, 0, $"the file is {length:N0} bytes; an entry's file is at most {maxBytes:N0}");
        }

        return Utf8(relative, File.ReadAllBytes(path), 1);
    }

    /// <summary>The lines of a text file, each checked to be UTF-8 as it is read (a refusal names its line).</summary>
    public static IEnumerable<string> ReadLines(string root, string relative)
    {
        using var stream = new FileStream(Check(root, relative), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var chunk = new byte[1 << 16];
        var line = new ArrayBufferWriter<byte>();
        var number = 0;
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            var start = 0;
            for (var end = Array.IndexOf(chunk, (byte)'\n', 0, read); end >= 0; end = Array.IndexOf(chunk, (byte)'\n', start, read - start))
            {
                line.Write(chunk.AsSpan(start, end - start));
                var text = Utf8(relative, line.WrittenSpan.TrimEnd((byte)'\r'), ++number);
                line.ResetWrittenCount();
                start = end + 1;
                yield return text;
            }

            line.Write(chunk.AsSpan(start, read - start));
        }

        if (line.WrittenCount > 0)
        {
            yield return Utf8(relative, line.WrittenSpan.TrimEnd((byte)'\r'), ++number);
        }
    }

    /// <summary>The bytes as text, or the refusal that names the line (counted from <paramref name="firstLine"/>) of the first byte that is not UTF-8.</summary>
    private static string Utf8(string file, ReadOnlySpan<byte> bytes, int firstLine)
    {
        var text = new char[bytes.Length];
        if (System.Text.Unicode.Utf8.ToUtf16(bytes, text, out var consumed, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
        {
            return new string(text, 0, written);
        }

        var line = firstLine + bytes[..consumed].Count((byte)'\n');
        throw new ImportException(file, line, $"the file is not UTF-8 text: the byte 0x{bytes[consumed]:X2} starts no character");
    }

    /// <summary>The item, when it is a plain file or folder and no link; else the refusal that names it.</summary>
    private static FileSystemInfo Plain(string root, FileSystemInfo item)
    {
        var relative = Path.GetRelativePath(root, item.FullName).Replace('\\', '/');
        if (item.LinkTarget is not null)
        {
            throw new ImportException(relative, 0, "is a symbolic link; an export holds plain files and folders only, and the import reads nothing outside its folder");
        }

        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new ImportException(relative, 0, "lies outside the export's folder");
        }

        return item;
    }
}
