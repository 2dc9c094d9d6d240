using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using JimPam.Wiki.Tests.Pages.Admin;

namespace JimPam.Wiki.Tests.Infrastructure;

/// <summary>
/// /metrics as an operator's Prometheus reads it, when enabled: request rate and latency, page-cache hits and misses,
/// saves by outcome and database time; only for loopback and the allowed networks. Alone while it runs: OpenTelemetry
/// listens to meters by name, so another test's app in this process would add its own requests to the counts.
/// </summary>
[Trait("Engine", "Any")]
[Collection(nameof(MetricsTests))]
public sealed partial class MetricsTests : EditorTestBase
{
    public MetricsTests()
    {
        App.Settings["Wiki:Metrics:Enabled"] = "true";
        App.Settings["Wiki:Metrics:AllowedNetworks:0"] = "10.1.0.0/16";
    }

    [Fact]
    public async Task The_scrape_counts_requests_cache_lookups_saves_and_database_commands()
    {
        using var reader = App.CreateReader();
        (await reader.GetAsync(new Uri("/seasons/3", UriKind.Relative))).Dispose();
        (await reader.GetAsync(new Uri("/seasons/3", UriKind.Relative))).Dispose();
        (await Pam.SubmitAsync("/admin/characters/new", new Dictionary<string, string> { ["Form.Name"] = "Astrid Levinson" })).Dispose();

        var (status, type, text) = await ScrapeAsync("127.0.0.1");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("text/plain", type, StringComparison.Ordinal);
        Assert.Equal(1, Value(text, "jimpam_page_cache_lookups_total", "result=\"miss\""));
        Assert.Equal(1, Value(text, "jimpam_page_cache_lookups_total", "result=\"hit\""));
        Assert.Equal(1, Value(text, "jimpam_saves_total", "entry=\"character\"", "outcome=\"saved\""));
        Assert.True(Value(text, "jimpam_db_command_duration_seconds_count", "outcome=\"ok\"") > 0, text);
        Assert.True(Value(text, "jimpam_db_command_duration_seconds_bucket", "outcome=\"ok\"", "le=\"0.0001\"") >= 0, "the buckets are in seconds, from a tenth of a millisecond");
        Assert.Equal(2, Value(text, "http_server_request_duration_seconds_count", "http_route=\"seasons/{number:int}\"", "http_response_status_code=\"200\""));
    }

    [Fact]
    public async Task The_scrape_has_the_process_memory_and_the_heap_by_generation_after_the_last_collection()
    {
        GC.Collect();
        var (_, _, text) = await ScrapeAsync("127.0.0.1");

        Assert.True(Value(text, "dotnet_process_memory_working_set_bytes") > 0, text);
        Assert.True(Value(text, "dotnet_gc_last_collection_heap_size_bytes", "gc_heap_generation=\"gen2\"") > 0, text);
        Assert.True(Value(text, "dotnet_gc_collections_total", "gc_heap_generation=\"gen2\"") >= 1, text);
    }

    [Fact]
    public async Task A_save_merged_with_another_editors_and_one_that_conflicts_are_counted_as_such()
    {
        using var jim = await LogInJimAsync();
        var editUrl = (await Pam.GetPageAsync("/characters/pam-beesly")).QuerySelector("h1 + .edit-links a")!.GetAttribute("href")!;
        var jimsForm = await jim.GetPageAsync(editUrl);
        var jimsSecondForm = await jim.GetPageAsync(editUrl);

        (await Pam.SubmitAsync(editUrl, new Dictionary<string, string> { ["Form.Actor"] = "Jenna Fischer (2005–2013)" })).Dispose();
        (await jim.PostFormAsync(jimsForm, new Dictionary<string, string> { ["Form.FullName"] = "Pamela Morgan Beesly Halpert" })).Dispose();
        (await jim.PostFormAsync(jimsSecondForm, new Dictionary<string, string> { ["Form.Actor"] = "J. Fischer" })).Dispose();

        var (_, _, text) = await ScrapeAsync("127.0.0.1");
        Assert.Equal(1, Value(text, "jimpam_saves_total", "entry=\"character\"", "outcome=\"saved\""));
        Assert.Equal(1, Value(text, "jimpam_saves_total", "entry=\"character\"", "outcome=\"merged\""));
        Assert.Equal(1, Value(text, "jimpam_saves_total", "entry=\"character\"", "outcome=\"conflict\""));
    }

    [Theory]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("::1", HttpStatusCode.OK)]
    [InlineData("10.1.20.30", HttpStatusCode.OK)]
    [InlineData("10.2.0.1", HttpStatusCode.NotFound)]
    [InlineData("203.0.113.9", HttpStatusCode.NotFound)]
    public async Task Only_loopback_and_the_allowed_networks_may_read_it(string client, HttpStatusCode expected)
    {
        var (status, _, text) = await ScrapeAsync(client);

        Assert.Equal(expected, status);
        Assert.Equal(expected == HttpStatusCode.OK, text.Contains("# TYPE", StringComparison.Ordinal));
    }

    private async Task<(HttpStatusCode Status, string Type, string Text)> ScrapeAsync(string client)
    {
        using var scraper = App.CreateReader();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        request.Headers.Add(WikiAppFactory.ClientAddressHeader, client);
        using var response = await scraper.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "", await response.Content.ReadAsStringAsync());
    }

    /// <summary>The value of the one sample of <paramref name="metric"/> whose labels include all of <paramref name="labels"/>.</summary>
    private static double Value(string text, string metric, params string[] labels)
    {
        var samples = text.Split('\n')
            .Select(line => Sample().Match(line))
            .Where(m => m.Success && m.Groups["name"].Value == metric && labels.All(l => m.Groups["labels"].Value.Contains(l, StringComparison.Ordinal)))
            .ToList();
        Assert.True(samples.Count == 1, $"{samples.Count} samples of {metric} with {string.Join(",", labels)} in:\n{text}");
        return double.Parse(samples[0].Groups["value"].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+)\{(?<labels>.*)\} (?<value>\S+)$")]
    private static partial Regex Sample();
}

[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsTestsAlone;

/// <summary>/metrics is off unless enabled: the not-found page, even for loopback.</summary>
public sealed class MetricsOffTests : IAsyncDisposable
{
    private readonly WikiAppFactory _app = new();

    [Fact]
    public async Task Without_the_setting_there_is_no_metrics_page()
    {
        using var client = _app.CreateReader();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        request.Headers.Add(WikiAppFactory.ClientAddressHeader, "127.0.0.1");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("# TYPE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

/// <summary>A network the setting cannot read stops the start with one line that names the entry.</summary>
public sealed class MetricsSettingTests
{
    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("intranet")]
    public void An_allowed_network_that_is_not_one_is_a_problem_of_the_settings(string network)
    {
        var options = new WikiOptions();
        options.Metrics.AllowedNetworks.Add(network);

        Assert.Equal($"Wiki:Metrics:AllowedNetworks entry '{network}' is not a network such as 10.0.0.0/8", options.Problem());
    }

    [Fact]
    public void Networks_written_as_cidr_are_no_problem()
    {
        var options = new WikiOptions();
        options.Metrics.AllowedNetworks.Add("10.0.0.0/8");
        options.Metrics.AllowedNetworks.Add("fd00::/8");

        Assert.Null(options.Problem());
    }
}
