using System.Net;

namespace JimPam.Wiki.Tests.Pages;

/// <summary>
/// How many bytes a rendered page allocates (the output cache off, so every request renders), against the budget
/// written beside each page. Bytes allocated do not depend on how fast the machine is: a change that doubles a page's
/// work fails here on any machine, where a timing would pass on a fast one. The figure is the process's allocations
/// across <see cref="Requests"/> requests after a warm-up (EF Core's compiled queries and Razor's views are made by
/// then), divided by their number; it includes the in-memory client's share, which is the same for every commit. The
/// collection runs alone, after the others, so no other test's allocations are counted.
/// Budgets are the figure measured on 2026-12-08 (seed, SQLite) with room of about a half for noise and the runtime's
/// patch releases; bench/README.md ("Allocations per request") has the figures and their history.
/// </summary>
[Collection(nameof(AllocationBudgetTests))]
public sealed class AllocationBudgetTests(AllocationBudgetTests.UncachedSeed wiki)
{
    private const int Warmup = 5;
    private const int Requests = 20;

    /// <summary>Each page and its budget in KB a request: the figure measured on 2026-12-08, times 1.5.</summary>
    public static TheoryData<string, int> Budgets => new()
    {
        { "/", 510 }, // measured 340 KB
        { "/seasons/3", 690 }, // measured 460 KB
        { "/episodes/the-dundies", 480 }, // measured 318 KB
        { "/characters/pam-beesly", 730 }, // measured 487 KB
        { "/timeline", 1080 }, // measured 716 KB
        { "/seasons", 200 }, // measured 131 KB
        { "/episodes", 1050 }, // measured 698 KB
        { "/characters", 250 }, // measured 164 KB
        { "/recent-changes", 1340 }, // measured 891 KB
        { "/search?q=dundies", 470 }, // measured 315 KB
        { "/api/v1/seasons/3", 990 }, // measured 657 KB
        { "/sitemap.xml", 1150 }, // measured 766 KB
    };

    [Theory]
    [MemberData(nameof(Budgets))]
    public async Task Should_render_a_page_within_its_allocation_budget(string url, int budgetKilobytes)
    {
        using var client = wiki.App.CreateReader();
        for (var i = 0; i < Warmup; i++)
        {
            await GetAsync(client, url);
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Requests; i++)
        {
            await GetAsync(client, url);
        }

        var perRequest = (GC.GetTotalAllocatedBytes(precise: true) - before) / Requests / 1024;

        Assert.True(perRequest <= budgetKilobytes, $"{url} allocated {perRequest:N0} KB a request (budget {budgetKilobytes:N0} KB).");
    }

    private static async Task GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();
        await body.CopyToAsync(Stream.Null);
    }

    /// <summary>The seeded wiki with the output cache off, started before the first measurement.</summary>
    public sealed class UncachedSeed : IAsyncLifetime
    {
        public WikiAppFactory App { get; } = new WikiAppFactory().With("Wiki:OutputCache", "false");

        public async Task InitializeAsync()
        {
            using var client = App.CreateReader();
            (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).Dispose();
        }

        public Task DisposeAsync() => App.DisposeAsync().AsTask();
    }
}

[CollectionDefinition(nameof(AllocationBudgetTests), DisableParallelization = true)]
public sealed class AllocationBudgetTestsAlone : ICollectionFixture<AllocationBudgetTests.UncachedSeed>;
