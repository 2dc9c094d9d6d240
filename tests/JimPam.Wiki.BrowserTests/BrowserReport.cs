namespace JimPam.Wiki.BrowserTests;

/// <summary>Figures the browser tests measure, written beside the screenshots for people to read.</summary>
internal static class BrowserReport
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static string Folder => BrowserApp.ScreenshotFolder;

    public static async Task AppendAsync(string file, string line)
    {
        await Gate.WaitAsync();
        try
        {
            Directory.CreateDirectory(Folder);
            await File.AppendAllTextAsync(Path.Combine(Folder, file), line + Environment.NewLine);
        }
        finally
        {
            Gate.Release();
        }
    }
}
