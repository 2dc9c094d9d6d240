using System.Runtime.InteropServices;

namespace JimPam.Wiki.Media;

/// <summary>
/// The memory a picture's decoding takes, given back once no upload is left. libvips allocates with the C library
/// (glibc's malloc), which keeps freed memory in per-thread arenas, and the runtime keeps its large arrays' segments:
/// without this, a burst of 20 uploads left 1,075 MB resident for good (issue 33). Where the C library is not glibc,
/// only the runtime's part is done.
/// </summary>
internal static class ProcessMemory
{
    /// <summary>glibc's mallopt parameter for the most arenas it may make (M_ARENA_MAX).</summary>
    private const int ArenaMax = -8;

    /// <summary>Two arenas at most from now on, for the decoder's threads (one per thread, by default, up to 8 per core).</summary>
    public static void LimitArenas() => Try(() => _ = MallOpt(ArenaMax, 2));

    /// <summary>Collects and compacts the runtime's heap, returning its free segments, and returns the C library's free memory to the system.</summary>
    public static void GiveBack()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Try(() => _ = MallocTrim(0));
    }

    private static void Try(Action call)
    {
        try
        {
            call();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: its allocator gives memory back by itself, or not at all; nothing to ask it.
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);

    [DllImport("libc", EntryPoint = "mallopt")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallOpt(int parameter, int value);
}
