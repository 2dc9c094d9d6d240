namespace JimPam.Wiki;

/// <summary>Settings of the "Wiki" section of appsettings.json. Every one has a default that works out of the box.</summary>
public sealed class WikiOptions
{
    public const string Section = "Wiki";

    /// <summary>The folder the seed importer reads; relative paths are taken from the app's own folder.</summary>
    public string SeedFolder { get; set; } = "seed-data";

    /// <summary>Whether start-up imports the seed folder into an empty database.</summary>
    public bool SeedOnStartup { get; set; } = true;

    /// <summary>The site's public address for canonical links, such as "https://jimpam.wiki". Empty: taken from each request.</summary>
    public string? PublicBaseUrl { get; set; }

    public string ResolveSeedFolder() =>
        Path.IsPathRooted(SeedFolder) ? SeedFolder : Path.Combine(AppContext.BaseDirectory, SeedFolder);
}
