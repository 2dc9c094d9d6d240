namespace JimPam.Wiki;

/// <summary>Settings of the "Wiki" section of appsettings.json. Every one has a default that works out of the box.</summary>
public sealed class WikiOptions
{
    public const string Section = "Wiki";

    /// <summary>The folder the seed importer reads; relative paths are taken from the app's own folder.</summary>
    public string SeedFolder { get; set; } = "seed-data";

    /// <summary>Whether start-up imports the seed folder into an empty database.</summary>
    public bool SeedOnStartup { get; set; } = true;

    /// <summary>The site's public address for canonical links, such as "https://jimpam.wiki". Empty: the address the app listens on.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// The addresses of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto headers are believed.
    /// Empty: no proxy is trusted and those headers are ignored.
    /// </summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>
    /// A folder for uploaded images' files (shared by every instance when there are several). Empty, the default: the
    /// files are kept in the wiki's database.
    /// </summary>
    public string? MediaFolder { get; set; }

    /// <summary>Where to write machine-readable logs (Serilog's compact JSON, one file a day). Empty: none.</summary>
    public string? JsonLogPath { get; set; }

    /// <summary>
    /// Whether anonymous readers' pages are served from the output cache (evicted by every edit that touches them).
    /// Off only to measure what rendering costs.
    /// </summary>
    public bool OutputCache { get; set; } = true;

    /// <summary>
    /// Whether the app runs behind deploy/nginx's micro-cache: then each response says nginx may keep it until the end of
    /// the current second (<see cref="Infrastructure.FrontCacheHint"/>).
    /// </summary>
    public bool FrontCache { get; set; }

    /// <summary>How many requests a minute one client address may make to the JSON API (then 429, with Retry-After).</summary>
    public int ApiRequestsPerMinute { get; set; } = 300;

    /// <summary>
    /// The window in which the API's requests and the login form's posts are counted per client address (a minute).
    /// The limits stay per minute in spirit; a longer window is for tests that must reach a limit on any machine.
    /// </summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one uploaded picture may take to read and encode before it is refused, so that none holds up the uploads behind it.</summary>
    public TimeSpan UploadTimeLimit { get; set; } = Media.ImageIntake.DefaultTimeLimit;

    /// <summary>The Prometheus scrape endpoint, <c>/metrics</c>: off unless enabled, and then only for the networks listed.</summary>
    public MetricsOptions Metrics { get; } = new();

    public sealed class MetricsOptions
    {
        /// <summary>Whether <c>/metrics</c> answers at all (and the app collects what it shows).</summary>
        public bool Enabled { get; set; }

        /// <summary>
        /// The client networks (CIDR, such as 10.0.0.0/8) that may read it; loopback always may. Anyone else is
        /// answered as if there were no such page. Behind a trusted proxy the client is the one the proxy names.
        /// </summary>
        public IList<string> AllowedNetworks { get; } = [];
    }

    public string ResolveSeedFolder() =>
        Path.IsPathRooted(SeedFolder) ? SeedFolder : Path.Combine(AppContext.BaseDirectory, SeedFolder);

    /// <summary>Null when the settings are usable, else what is wrong with them.</summary>
    public string? Problem()
    {
        if (!string.IsNullOrWhiteSpace(PublicBaseUrl)
            && (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/"))
        {
            return $"Wiki:PublicBaseUrl '{PublicBaseUrl}' must be an http or https address with no path, such as https://jimpam.wiki";
        }

        if (ApiRequestsPerMinute < 1)
        {
            return $"Wiki:ApiRequestsPerMinute is {ApiRequestsPerMinute}; it must be 1 or more";
        }

        if (UploadTimeLimit < TimeSpan.Zero)
        {
            return $"Wiki:UploadTimeLimit is {UploadTimeLimit}; it must be zero or longer, such as 00:00:30";
        }

        if (RateLimitWindow <= TimeSpan.Zero)
        {
            return $"Wiki:RateLimitWindow is {RateLimitWindow}; it must be longer than zero, such as 00:01:00";
        }

        var badNetwork = Metrics.AllowedNetworks.FirstOrDefault(n => !System.Net.IPNetwork.TryParse(n, out _));
        if (badNetwork is not null)
        {
            return $"Wiki:Metrics:AllowedNetworks entry '{badNetwork}' is not a network such as 10.0.0.0/8";
        }

        var badProxy = TrustedProxies.FirstOrDefault(p => !System.Net.IPAddress.TryParse(p, out _));
        return badProxy is null ? null : $"Wiki:TrustedProxies entry '{badProxy}' is not an IP address";
    }
}
