using JimPam.Wiki.Import;

namespace JimPam.Wiki.Tests.Import;

/// <summary>An article must have every part, in order, or the import refuses it where the part should be.</summary>
public class ArticleShapeTests
{
    private static readonly IReadOnlyList<EpisodeRow> Catalogue =
    [
        new(2, 1, 1, "Pilot", [], null),
        new(3, 1, 2, "Diversity Day", [], null),
        new(4, 2, 1, "The Dundies", [], null),
        new(5, 2, 2, "Stress Relief", [], null),
    ];

    // Lines:              1           3                                5                  7                             9             11                  13            15                    17                 19
    private const string Whole = "A quote.\n\n—Pam Beesly, Stress Relief\n\nAn intro.\n\nRecurring jokes[]\n\n• A joke (\"Pilot\").\n\nSeason 1[]\n\nThey meet (\"Pilot\").\n\nSeason 2[]\n\nA kiss (\"The Dundies\").\n\nStatus: Married\n\nBehind the scenes[]\n\n• A note.[1]\n";

    private static void Check(string text, int lastSeason = 2) =>
        ArticleShape.Check("a.txt", ArticleParser.ForCatalogue("a.txt", Catalogue).Parse(text), 1, lastSeason);

    private static ImportException Refused(string text, int lastSeason = 2) => Assert.Throws<ImportException>(() => Check(text, lastSeason));

    [Fact]
    public void A_whole_article_passes() => Check(Whole);

    [Fact]
    public void Without_the_epigraph_it_is_refused_at_the_first_line()
    {
        var error = Refused(Whole[Whole.IndexOf("An intro.", StringComparison.Ordinal)..]);
        Assert.Equal("a.txt:1: the article must open with its epigraph: a quote, then a line \"—Speaker, Episode\"", error.Message);
    }

    [Fact]
    public void Without_the_intro_it_is_refused_after_the_epigraph()
    {
        var error = Refused(Whole.Replace("An intro.\n\n", "", StringComparison.Ordinal));
        Assert.Contains("the intro is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_recurring_jokes_it_is_refused_where_the_seasons_start()
    {
        var error = Refused(Whole.Replace("Recurring jokes[]\n\n• A joke (\"Pilot\").\n\n", "", StringComparison.Ordinal));
        Assert.Equal("a.txt:7: the \"Recurring jokes[]\" section is missing; it comes before \"Season 1[]\"", error.Message);
    }

    [Fact]
    public void An_empty_recurring_jokes_section_is_refused_at_its_heading()
    {
        var error = Refused(Whole.Replace("• A joke (\"Pilot\").\n\n", "", StringComparison.Ordinal));
        Assert.Equal("a.txt:7: the \"Recurring jokes[]\" section is empty", error.Message);
    }

    [Fact]
    public void A_second_recurring_jokes_section_is_refused()
    {
        var error = Assert.Throws<ImportException>(() => Check(Whole.Replace("Season 2[]", "Recurring jokes[]\n\n• Again.\n\nSeason 2[]", StringComparison.Ordinal)));
        Assert.Contains("a second \"Recurring jokes[]\" section; the first is on line 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_last_season_is_refused_with_the_seasons_it_lacks()
    {
        var error = Refused(Whole, lastSeason: 4);
        Assert.Equal("a.txt:23: the article ends its seasons at \"Season 2[]\": \"Season 3[]\" to \"Season 4[]\" are missing (is the file cut short?)", error.Message);
    }

    [Fact]
    public void Without_the_status_line_it_is_refused()
    {
        var error = Refused(Whole.Replace("Status: Married\n\n", "", StringComparison.Ordinal));
        Assert.Contains("the \"Status:\" line is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_behind_the_scenes_it_is_refused_at_the_last_line()
    {
        var error = Refused(Whole[..Whole.IndexOf("Behind the scenes[]", StringComparison.Ordinal)]);
        Assert.Equal("a.txt:19: the \"Behind the scenes[]\" section is missing; it follows the \"Status:\" line (is the file cut short?)", error.Message);
    }

    [Fact]
    public void An_empty_behind_the_scenes_section_is_refused_at_its_heading()
    {
        var error = Refused(Whole.Replace("• A note.[1]\n", "", StringComparison.Ordinal));
        Assert.Equal("a.txt:21: the \"Behind the scenes[]\" section is empty", error.Message);
    }

    [Fact]
    public void A_first_season_that_is_not_the_first_is_refused()
    {
        var error = Refused(Whole.Replace("Season 1[]\n\nThey meet (\"Pilot\").\n\n", "", StringComparison.Ordinal));
        Assert.Equal("a.txt:11: the first season section is \"Season 2[]\"; the article must start at \"Season 1[]\"", error.Message);
    }
}
