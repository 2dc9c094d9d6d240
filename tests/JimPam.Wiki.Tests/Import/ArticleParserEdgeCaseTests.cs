using JimPam.Wiki.Data;
using JimPam.Wiki.Import;

namespace JimPam.Wiki.Tests.Import;

/// <summary>The parser on small inputs, each about one edge case, malformed ones included.</summary>
public class ArticleParserEdgeCaseTests
{
    private static readonly IReadOnlyList<EpisodeRow> Catalogue =
    [
        new(2, 1, 1, "Pilot", [], null),
        new(3, 1, 2, "Diversity Day", [], null),
        new(4, 2, 1, "The Dundies", [], null),
        new(5, 3, 1, "Back from Vacation", ["Back From Vacation"], null),
        new(6, 4, 1, "Night Out", [], null),
        new(7, 5, 1, "Café Disco", ["Cafe Disco"], null),
        new(8, 5, 2, "Michael Scott Paper Company", [], null),
        new(9, 9, 1, "Here Comes Treble", ["Here Comes Treble (episode)"], null),
    ];

    private static ParsedArticle Parse(string text) => ArticleParser.ForCatalogue("test.txt", Catalogue).Parse(text);

    private static ImportException ParseFails(string text) => Assert.Throws<ImportException>(() => Parse(text));

    [Fact]
    public void An_article_without_season_headings_is_rejected()
    {
        var error = ParseFails("Just an intro.\n\nAnother intro paragraph.\n");
        Assert.Equal("test.txt", error.File);
        Assert.Contains("no \"Season N[]\" sections", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_section_names_its_line()
    {
        var error = ParseFails("Intro.\n\nSeason 1[]\n\nText (\"Pilot\").\n\nTrivia[]\n\nA fact.\n");
        Assert.Equal(7, error.Line);
        Assert.StartsWith("test.txt:7: unknown section \"Trivia[]\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parenthesised_citation_of_no_known_episode_names_its_line()
    {
        var error = ParseFails("Intro.\n\nSeason 1[]\n\nFine (\"Pilot\").\n\nThey kiss (\"The Dundys\").\n");
        Assert.Equal(7, error.Line);
        Assert.Contains("(\"The Dundys\") matches no episode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seasons_out_of_order_are_rejected()
    {
        var error = ParseFails("Season 2[]\n\nA (\"The Dundies\").\n\nSeason 1[]\n\nB (\"Pilot\").\n");
        Assert.Equal(5, error.Line);
        Assert.Contains("\"Season 1\" comes after \"Season 2\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_season_is_rejected()
    {
        var error = ParseFails("Season 1[]\n\nSeason 2[]\n\nA (\"The Dundies\").\n");
        Assert.Equal(1, error.Line);
        Assert.Contains("\"Season 1\" has no text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_after_the_status_line_outside_a_section_is_rejected()
    {
        var error = ParseFails("Season 1[]\n\nA (\"Pilot\").\n\nStatus: Dating\n\nA stray paragraph.\n");
        Assert.Equal(7, error.Line);
    }

    [Fact]
    public void A_joke_that_is_not_a_bullet_is_rejected()
    {
        var error = ParseFails("Recurring jokes[]\n\nNot a bullet.\n\nSeason 1[]\n\nA (\"Pilot\").\n");
        Assert.Equal(3, error.Line);
        Assert.Contains("bullet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_article_is_rejected()
    {
        var error = ParseFails("\n\n  \n");
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_epigraph_citing_an_unknown_episode_is_rejected()
    {
        var error = ParseFails("A quote.\n\n—Pam Beesly, Stress Relief\n\nSeason 1[]\n\nA (\"Pilot\").\n");
        Assert.Equal(3, error.Line);
        Assert.Contains("Stress Relief", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_attribution_line_the_first_paragraph_is_intro_not_an_epigraph()
    {
        var article = Parse("Just intro.\n\nSeason 1[]\n\nA (\"Pilot\").\n");
        Assert.Null(article.Quote);
        Assert.Equal(["Just intro."], article.IntroMarkdown);
    }

    [Fact]
    public void Case_punctuation_and_accent_variants_of_a_title_are_cited()
    {
        var article = Parse("Season 3[]\n\nShe cries (\"Back From Vacation\"). They dance (\"Cafe Disco\"). Money (\"Here Comes Treble (episode)\").\n");
        Assert.Equal(
            "She cries (\"[[Back From Vacation]]\"). They dance (\"[[Cafe Disco]]\"). Money (\"[[Here Comes Treble (episode)]]\").",
            article.Seasons[0].Events[0].Markdown);
    }

    [Fact]
    public void A_bare_title_is_cited_only_after_in_and_not_when_it_names_something_else()
    {
        var article = Parse("Season 4[]\n\nThey met in Night Out. She joined the Michael Scott Paper Company in Scranton.\n");
        Assert.Equal("They met in [[Night Out]]. She joined the Michael Scott Paper Company in Scranton.", article.Seasons[0].Events[0].Markdown);
    }

    [Fact]
    public void Curly_quotes_cite_like_straight_ones()
    {
        var article = Parse("Season 1[]\n\nIn “Diversity Day”, she sleeps.\n");
        Assert.Equal("In “[[Diversity Day]]”, she sleeps.", article.Seasons[0].Events[0].Markdown);
    }

    [Fact]
    public void Markdown_syntax_in_the_source_is_escaped_so_it_reads_as_written()
    {
        var article = Parse("Season 1[]\n\n1. Not a list *or* emphasis [he] <b>said</b> (\"Pilot\").\n");
        Assert.Equal("1\\. Not a list \\*or\\* emphasis \\[he\\] \\<b\\>said\\</b\\> (\"[[Pilot]]\").", article.Seasons[0].Events[0].Markdown);
    }

    [Fact]
    public void A_caption_without_an_image_slot_is_still_a_figure()
    {
        var article = Parse("Season 1[]\n\nA paragraph (\"Pilot\").\n\nThey meet. (Pilot)\n");
        var caption = article.Seasons[0].Events[1];
        Assert.Equal(EventKind.Figure, caption.Kind);
        Assert.Null(caption.ImageSlot);
        Assert.Equal("They meet. ([[Pilot]])", caption.Markdown);
    }

    [Fact]
    public void Parentheses_that_are_not_episodes_stay_text()
    {
        var article = Parse("Season 1[]\n\nToby (who had a crush on Pam) sends a memo (\"Pilot\").\n");
        Assert.Equal("Toby (who had a crush on Pam) sends a memo (\"[[Pilot]]\").", article.Seasons[0].Events[0].Markdown);
    }

    [Fact]
    public void Windows_line_endings_parse_like_unix_ones()
    {
        var article = Parse("Intro.\r\n\r\nSeason 1[]\r\n\r\nA (\"Pilot\").\r\n\r\nStatus: Married\r\n");
        Assert.Equal("Married", article.Status);
        Assert.Equal("A (\"[[Pilot]]\").", article.Seasons[0].Events[0].Markdown);
    }
}
