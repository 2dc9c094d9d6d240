using JimPam.Wiki.Data;
using JimPam.Wiki.Import;

namespace JimPam.Wiki.Tests.Import;

/// <summary>The parser on the real source article.</summary>
public class ArticleParserTests
{
    private static readonly Lazy<ParsedArticle> RealArticle = new(() =>
        ArticleParser.ForCatalogue("jim-and-pam.article.txt", SeedCatalogue.ReadEpisodes(TestPaths.SeedFolder)).Parse(TestPaths.ArticleText));

    private static ParsedArticle Article => RealArticle.Value;

    private static ParsedEvent EventContaining(string text) =>
        Article.Seasons.SelectMany(s => s.Events).Single(e => e.SourceText.Contains(text, StringComparison.Ordinal));

    [Fact]
    public void Reads_the_epigraph_and_its_attribution()
    {
        Assert.NotNull(Article.Quote);
        Assert.Equal("When you're a kid, you assume your parents are soulmates. My kids are gonna be right about that.", Article.Quote.Text);
        Assert.Equal("Pam Beesly", Article.Quote.Speaker);
        Assert.Equal("Stress Relief", Article.Quote.EpisodeTitle);
        Assert.Equal(1, Article.Quote.Line);
    }

    [Fact]
    public void Reads_both_intro_paragraphs_and_the_actors_of_the_portrayal_sentence()
    {
        Assert.Equal(2, Article.IntroMarkdown.Count);
        Assert.StartsWith("Jim Halpert and Pamela Morgan Beesly are one of the main couples", Article.IntroMarkdown[0], StringComparison.Ordinal);
        Assert.StartsWith("Jim and Pam's relationship caught the attention", Article.IntroMarkdown[1], StringComparison.Ordinal);
        Assert.Equal(["John Krasinski", "Jenna Fischer"], Article.Actors);
    }

    [Fact]
    public void Reads_nine_seasons_in_order_with_their_paragraphs_and_figures()
    {
        Assert.Equal(Enumerable.Range(1, 9), Article.Seasons.Select(s => s.Number));
        // Paragraphs and figures per season, counted by hand from the source.
        Assert.Equal([3, 7, 9, 6, 9, 6, 1, 2, 9], Article.Seasons.Select(s => s.Events.Count));
        Assert.Equal(52, Article.EventCount);
    }

    [Fact]
    public void Keeps_image_placeholders_as_slots_and_the_following_caption_as_their_caption()
    {
        var season5 = Article.Seasons.Single(s => s.Number == 5);
        var figure = Assert.Single(season5.Events, e => e.Kind == EventKind.Figure);
        Assert.Equal("Jimpam s5", figure.ImageSlot);
        Assert.Equal("Pam and Jim find out about the pregnancy. (Company Picnic)", figure.SourceText);
        Assert.Equal("Pam and Jim find out about the pregnancy. ([[Company Picnic]])", figure.Markdown);

        var season2Slot = Assert.Single(Article.Seasons.Single(s => s.Number == 2).Events, e => e.Kind == EventKind.Figure);
        Assert.Equal("Jimpam season2", season2Slot.ImageSlot);
        Assert.Equal("", season2Slot.Markdown);

        var wedding = Assert.Single(Article.Seasons.Single(s => s.Number == 6).Events, e => e.Kind == EventKind.Figure);
        Assert.Null(wedding.ImageSlot);
        Assert.Equal("Jim and Pam get married. ([[Niagara]])", wedding.Markdown);

        Assert.Equal(
            ["Jimpam season2", "Jimpam s3", "Jimpam s4", "Jimpam s5", "Jimpam s9"],
            Article.Seasons.SelectMany(s => s.Events).Where(e => e.ImageSlot is not null).Select(e => e.ImageSlot));
    }

    [Fact]
    public void Reads_the_recurring_joke_with_its_bare_citation()
    {
        var joke = Assert.Single(Article.JokesMarkdown);
        Assert.StartsWith("Michael (and other coworkers) have a strange lack of faith", joke, StringComparison.Ordinal);
        Assert.EndsWith("a better couple in [[Night Out]].", joke, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_status_and_the_behind_the_scenes_note_with_its_footnote()
    {
        Assert.Equal("Married", Article.Status);
        var note = Assert.Single(Article.BehindTheScenesMarkdown);
        Assert.Equal("In the earlier seasons, scenes advancing the Jim/Pam relationship were kept small on purpose, following the principle of \"Less is more.\"", note);
        Assert.Equal("1", Article.BehindTheScenesFootnote);
    }

    [Theory]
    [InlineData("their respective reactions shine light", "(\"[[Diversity Day]]\")")]
    [InlineData("Jim and Pam share their first on-camera kiss", "kiss in \"[[The Dundies]]\", when")]
    [InlineData("his yogurt-lid medal", "from \"[[Office Olympics]]\" and")]
    [InlineData("In “PDA”", "In “[[PDA]]”, it is")]
    [InlineData("breaks down and cries", "(\"[[Back From Vacation]]\")")]
    [InlineData("invested a large sum", "(\"[[Here Comes Treble (episode)]]\")")]
    [InlineData("Café Disco. While dancing", "(\"[[Café Disco]]\")")]
    [InlineData("ordinary requests", "(\"[[Did I Stutter?]]\")")]
    [InlineData("ordinary requests", "back in \"[[The Client]]\".")]
    [InlineData("ordinary requests", "(\"[[Goodbye, Toby]]\")")]
    [InlineData("the kiss at Chili's", "(\"[[A.A.R.M.]]\")")]
    public void Turns_every_citation_form_into_a_wiki_link(string paragraph, string expected) =>
        Assert.Contains(expected, EventContaining(paragraph).Markdown, StringComparison.Ordinal);

    [Theory]
    [InlineData("\"Longest Engagement\"")]
    [InlineData("the \"first date\" he")]
    [InlineData("\"a long, long time ago. Pretty much the day \\[he\\] met her\"")]
    [InlineData("the Michael Scott Paper Company with Michael")]
    [InlineData("former offices of Michael Scott Paper Company to join")]
    [InlineData("In Niagara Falls, during")]
    public void Leaves_quoted_text_and_names_that_are_not_citations_as_text(string expected)
    {
        var all = string.Join("\n", Article.Seasons.SelectMany(s => s.Events).Select(e => e.Markdown));
        Assert.Contains(expected, all, StringComparison.Ordinal);
    }

    [Fact]
    public void Cites_the_dundies_from_season_nine_by_its_own_title()
    {
        var montage = EventContaining("the kiss at Chili's");
        Assert.Contains("the kiss at Chili's in \"[[The Dundies]]\"", montage.Markdown, StringComparison.Ordinal);
        Assert.Equal(9, Article.Seasons.Single(s => s.Events.Contains(montage)).Number);
    }

    [Fact]
    public void Takes_each_season_summary_from_its_first_sentence()
    {
        Assert.Equal(
            "At the beginning of the series, Jim is single while Pam has been engaged to warehouse employee Roy for 3 years and has yet to set a date for the wedding.",
            Article.Seasons[0].Summary);
        Assert.Equal("Jim and Pam seem both quite happy, but deny the allegations that they are dating.", Article.Seasons[3].Summary);
    }

    [Fact]
    public void Records_the_source_line_of_each_event()
    {
        var lines = TestPaths.ArticleText.Split('\n');
        foreach (var e in Article.Seasons.SelectMany(s => s.Events))
        {
            var expected = e.ImageSlot ?? e.SourceText;
            Assert.Equal(expected, lines[e.Line - 1].Trim());
        }
    }
}
