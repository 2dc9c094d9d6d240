using System.Net;
using AngleSharp.Html.Dom;

namespace JimPam.Wiki.Tests.Pages.SearchPage;

/// <summary>/search on the seeded wiki: what a reader finds, where each result leads, and what a bad query gets.</summary>
[Trait("Engine", "Any")]
[Collection(SeededWiki.Name)]
public class SearchPageTests(WikiAppFactory app)
{
    private async Task<IHtmlDocument> SearchAsync(string query, string extra = "")
    {
        var (response, page) = await app.GetPageAsync("/search?q=" + Uri.EscapeDataString(query) + extra);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page;
    }

    private static List<(string Href, string Title)> Hits(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("a.search-hit").Select(a => (a.GetAttribute("href")!, a.TextContent.Trim()))];

    private static string Status(IHtmlDocument page) =>
        string.Join(" ", page.QuerySelectorAll("[role=status]").Select(s => s.TextContent.Trim()));

    [Theory]
    [InlineData("Niagra", "Niagara")]                 // an episode title
    [InlineData("Dinner Partey", "Dinner Party")]     // a word of a title, the other word kept
    [InlineData("Halpret", "Halpert")]               // a name
    [InlineData("Pam Beesley", "Pam Beesly")]         // a name in a query that otherwise matches
    [InlineData("Stamfrod", "Stamford")]             // a place
    [InlineData("teapto", "teapot")]                 // an ordinary word
    [InlineData("SCRANON", "SCRANTON")]              // capitals kept as typed
    public async Task A_misspelt_word_gets_did_you_mean_with_a_link_to_the_search_spelt_right(string typed, string suggested)
    {
        var page = await SearchAsync(typed);

        var offer = page.QuerySelector(".did-you-mean a")!;
        Assert.Equal(suggested, offer.TextContent.Trim());
        Assert.Equal("/search?q=" + Uri.EscapeDataString(suggested), offer.GetAttribute("href"));
        Assert.Equal($"Did you mean {suggested}?", page.QuerySelector(".did-you-mean")!.TextContent.Trim());
        Assert.NotEmpty(Hits(await SearchAsync(suggested)));
    }

    [Theory]
    [InlineData("Niagara")]
    [InlineData("Jim and Pam")]
    [InlineData("gas station proposal")]
    [InlineData("\"Niagra falls\"")]
    [InlineData("zqxjkv")]
    public async Task A_query_spelt_right_or_with_nothing_near_gets_no_suggestion(string typed)
    {
        var page = await SearchAsync(typed);

        Assert.Null(page.QuerySelector(".did-you-mean"));
    }

    [Fact]
    public async Task The_api_search_answer_carries_the_suggestion()
    {
        using var client = app.CreateReader();
        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/search?q=Niagra&type=episodes", UriKind.Relative)));
        var offer = json.RootElement.GetProperty("didYouMean");
        Assert.Equal("Niagara", offer.GetProperty("query").GetString());
        Assert.EndsWith("/api/v1/search?q=Niagara&type=episodes", offer.GetProperty("link").GetString(), StringComparison.Ordinal);

        using var right = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/search?q=Niagara", UriKind.Relative)));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, right.RootElement.GetProperty("didYouMean").ValueKind);
    }

    [Fact]
    public async Task The_gas_station_proposal_is_found_and_its_link_leads_to_its_paragraph_on_the_season_page()
    {
        var page = await SearchAsync("gas station proposal");

        var hit = Assert.Single(Hits(page));
        Assert.Matches(@"^/seasons/5#event-\d+$", hit.Href);
        var snippet = page.QuerySelector(".snippet")!;
        Assert.Equal(["gas", "station"], snippet.QuerySelectorAll("mark").Select(m => m.TextContent.ToLowerInvariant()).Take(2));
        Assert.Contains("1 result for", Status(page), StringComparison.Ordinal);

        var (_, season) = await app.GetPageAsync(hit.Href.Split('#')[0]);
        var target = season.GetElementById(hit.Href.Split('#')[1]);
        Assert.NotNull(target);
        Assert.Contains("gas station", target.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("teapot", "teapot")]
    [InlineData("TEAPOT", "teapot")]
    [InlineData("Athl", "athlead")]
    [InlineData("cafe", "café")]
    [InlineData("café", "café")]
    public async Task Prefixes_any_case_and_accents_find_the_word(string query, string marked)
    {
        var page = await SearchAsync(query);

        Assert.NotEmpty(Hits(page));
        Assert.Contains(marked, page.QuerySelectorAll("mark").Select(m => m.TextContent.ToLowerInvariant()));
    }

    [Fact]
    public async Task Cafe_without_its_accent_puts_the_episode_Cafe_Disco_first()
    {
        var hits = Hits(await SearchAsync("cafe disco"));

        Assert.Equal(("/episodes/cafe-disco", "Café Disco"), hits[0]);
    }

    [Theory]
    [InlineData("The Dundies", "/episodes/the-dundies")]
    [InlineData("the dundies", "/episodes/the-dundies")]
    [InlineData("Pam Beesly", "/characters/pam-beesly")]
    [InlineData("Jim Halpert", "/characters/jim-halpert")]
    [InlineData("Niagara", "/episodes/niagara")]
    public async Task An_episode_title_or_a_character_name_puts_its_page_first(string query, string first)
    {
        var hits = Hits(await SearchAsync(query));

        Assert.True(hits.Count > 1, $"“{query}” also finds the story");
        Assert.Equal(first, hits[0].Href);
    }

    [Fact]
    public async Task When_nothing_has_every_word_the_entries_with_some_of_them_are_shown_and_the_page_says_so()
    {
        var page = await SearchAsync("teapot xylophone");

        Assert.Matches(@"^/seasons/9#event-\d+$", Hits(page)[0].Href);
        Assert.Contains("Nothing has all of these words", Status(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phrase_in_quotes_matches_those_words_together_in_that_order()
    {
        Assert.Single(Hits(await SearchAsync("\"gas station\"")));
        Assert.Empty(Hits(await SearchAsync("\"station gas\"")));
        Assert.Contains("Nothing found", Status(await SearchAsync("\"station gas\"")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_are_grouped_by_kind_with_counts_and_twenty_to_a_page_with_the_total()
    {
        var first = await SearchAsync("pam");
        var status = Status(first);
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(status, @"(\d+) results for").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > 20, status);
        Assert.Contains("page 1 of", status, StringComparison.Ordinal);
        var firstHits = Hits(first);
        Assert.Equal(20, firstHits.Count);

        // Each kind is one section, and the kinds' counts add up to the total.
        var headings = first.QuerySelectorAll(".search-group h2").Select(h => h.TextContent).ToList();
        Assert.Equal(headings.Distinct(), headings);
        Assert.Contains("Characters", headings);
        Assert.Contains("The story", headings);
        var kindCounts = first.QuerySelectorAll(".search-kinds li").Skip(1)
            .Sum(li => int.Parse(System.Text.RegularExpressions.Regex.Match(li.TextContent, @"\((\d+)\)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(total, kindCounts);

        var pages = new List<(string, string)>(firstHits);
        var next = first.QuerySelector("a[rel=next]")?.GetAttribute("href");
        while (next is not null)
        {
            var (_, page) = await app.GetPageAsync(next);
            pages.AddRange(Hits(page));
            next = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }

        Assert.Equal(total, pages.Count);
        Assert.Equal(total, pages.Distinct().Count());
    }

    [Fact]
    public async Task A_kind_filter_shows_only_that_kind()
    {
        var page = await SearchAsync("pam", "&type=episodes");

        var hits = Hits(page);
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.StartsWith("/episodes/", h.Href, StringComparison.Ordinal));
        Assert.Equal("page", page.QuerySelector(".search-kinds a[aria-current]")!.GetAttribute("aria-current"));
        Assert.StartsWith("Episodes", page.QuerySelector(".search-kinds a[aria-current]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recurring_joke_links_to_its_item_on_the_article()
    {
        var page = await SearchAsync("faith", "&type=jokes");

        var hit = Hits(page)[0];
        Assert.Matches(@"^/#joke-\d+$", hit.Href);
        var (_, home) = await app.GetPageAsync("/");
        Assert.NotNull(home.GetElementById(hit.Href.Split('#')[1]));
    }

    public static TheoryData<string, string> BadQueries() => new()
    {
        { "", "Type a word or two" },
        { "   ", "Type a word or two" },
        { "\"", "has no word to search for" },
        { "*", "has no word to search for" },
        { "\"\"", "has no word to search for" },
        { "()", "has no word to search for" },
        { "NOT", "results for" },
        { "AND OR NOT", "for “AND OR NOT”" },
        { "col:", "for “col:”" },
        { "title:teapot", "for “title:teapot”" },
        { "\"gas station", "1 result for" },
        { "gas\" station", "1 result for" },
        { "tea\0pot", "for “tea pot”" },
        { "NEAR(jim pam)", "for “NEAR(jim pam)”" },
        { "pam*", "results for" },
        { "^pam", "results for" },
        { "-jim +pam", "results for" },
        { "'; DROP TABLE \"SearchIndex\"; --", "Nothing found" },
        { "1=1 OR 'a'='a'", "for “1=1 OR" },
        { "<script>alert(1)</script>", "Nothing found" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_bad_query_gets_results_for_a_sanitised_query_or_a_friendly_message(string query, string expected)
    {
        var page = await SearchAsync(query);

        Assert.Contains(expected, Status(page) + " " + page.QuerySelector(".search-problem")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task Ten_kilobytes_of_text_is_cut_to_a_query_and_says_so()
    {
        var page = await SearchAsync(string.Concat(Enumerable.Repeat("pam jim teapot ", 700)));

        Assert.Contains("Only the first 12 words", Status(page), StringComparison.Ordinal);
        Assert.NotEmpty(Hits(page));
    }

    [Fact]
    public async Task The_index_still_answers_after_an_attempted_injection()
    {
        await SearchAsync("'; DROP TABLE \"SearchIndex\"; --");

        Assert.Single(Hits(await SearchAsync("teapot note")));
    }

    [Fact]
    public async Task Every_page_has_a_search_box_in_its_header_that_is_a_plain_get_form()
    {
        foreach (var url in new[] { "/", "/seasons/3", "/episodes/the-dundies", "/timeline", "/no/such/page" })
        {
            var (_, page) = await app.GetPageAsync(url);
            var form = page.QuerySelector("header form[role=search]") as IHtmlFormElement;
            Assert.NotNull(form);
            Assert.Equal("get", form.Method);
            Assert.Equal("/search", form.GetAttribute("action"));
            Assert.NotNull(form.QuerySelector("input[name=q]"));
            Assert.Equal("Search the wiki", page.QuerySelector($"label[for={form.QuerySelector("input")!.Id}]")!.TextContent);
        }
    }

    [Fact]
    public async Task The_spoiler_shield_hides_later_results_and_says_how_many()
    {
        using var client = app.CreateReader();
        client.DefaultRequestHeaders.Add("Cookie", "watched=s02e01");
        var shielded = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/search?q=gas+station", UriKind.Relative)));
        Assert.Empty(Hits(shielded));
        Assert.Contains("1 more result after your spoiler shield's episode is hidden", Status(shielded), StringComparison.Ordinal);

        var shown = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/search?q=gas+station&spoilers=show", UriKind.Relative)));
        Assert.Single(Hits(shown));

        // What happened before the shield's episode is still found.
        var early = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/search?q=Dundies", UriKind.Relative)));
        Assert.Contains(Hits(early), h => h.Href.StartsWith("/seasons/2#event-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_results_page_is_not_indexed_by_search_engines()
    {
        var page = await SearchAsync("teapot");

        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }
}
