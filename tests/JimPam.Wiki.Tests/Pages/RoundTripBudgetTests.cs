using System.Net;

namespace JimPam.Wiki.Tests.Pages;

/// <summary>
/// How many database commands a reading page costs when it is rendered (the output cache off), against the budget
/// written beside each page: on the seed, and on a wiki grown so that its seasons hold more parts than a page shows,
/// with and without a spoiler shield. A page that read one row at a time would grow with the wiki and fail here.
/// </summary>
[Trait("Engine", "Any")]
[Collection(UncachedWikis.Name)]
public sealed class RoundTripBudgetTests(UncachedWikis wikis)
{
    public static TheoryData<string, int> Budgets => new()
    {
        { "/", 3 },
        { "/seasons/3", 3 },
        { "/seasons/9", 3 },
        { "/episodes/the-dundies", 3 },
        { "/episodes/casino-night", 3 },
        { "/characters/jim-halpert", 3 },
        { "/characters/pam-beesly", 3 },
        { "/timeline", 4 },
        { "/relationships/jim-and-pam/timeline", 4 },
        { "/seasons", 1 },
        { "/episodes", 1 },
        { "/characters", 1 },
    };

    [Theory]
    [MemberData(nameof(Budgets))]
    public Task Should_render_a_page_of_the_seed_within_its_budget(string url, int budget) =>
        AssertWithinAsync(wikis.Seed, url, budget, shield: null);

    [Theory]
    [MemberData(nameof(Budgets))]
    public Task Should_render_a_shielded_page_of_the_seed_within_its_budget(string url, int budget) =>
        AssertWithinAsync(wikis.Seed, url, budget, shield: "s03e05");

    [Theory]
    [MemberData(nameof(Budgets))]
    public Task Should_render_a_page_of_the_grown_wiki_within_its_budget(string url, int budget) =>
        AssertWithinAsync(wikis.Grown, url, budget, shield: null);

    [Theory]
    [MemberData(nameof(Budgets))]
    public Task Should_render_a_shielded_page_of_the_grown_wiki_within_its_budget(string url, int budget) =>
        AssertWithinAsync(wikis.Grown, url, budget, shield: "s03e05");

    private static async Task AssertWithinAsync(WikiAppFactory app, string url, int budget, string? shield)
    {
        using var client = app.CreateReader();
        if (shield is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", $"watched={shield}");
        }

        app.Commands.Reset();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var commands = app.Commands.Commands.ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(commands.Count <= budget, $"{url} sent {commands.Count} commands (budget {budget}):\n\n{string.Join("\n\n", commands)}");
    }
}
