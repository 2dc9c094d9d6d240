using AngleSharp.Html.Parser;
using JimPam.Wiki.Content;

namespace JimPam.Wiki.Tests.Content;

public class WikiMarkdownTests
{
    private static readonly WikiLinkResolver Resolver = new(
    [
        (new WikiLinkTarget(WikiLinkKind.Episode, 1, "the-dundies", "The Dundies"), []),
        (new WikiLinkTarget(WikiLinkKind.Episode, 2, "cafe-disco", "Café Disco"), ["Cafe Disco"]),
        (new WikiLinkTarget(WikiLinkKind.Character, 3, "pam-beesly", "Pam Beesly"), ["Pam"]),
        (new WikiLinkTarget(WikiLinkKind.Character, 4, "roy-anderson", "Roy Anderson"), ["Roy"]),
    ]);

    private static readonly WikiMarkdown Markdown = TestLinks.Markdown;

    private static AngleSharp.Html.Dom.IHtmlDocument Render(string markdown) =>
        new HtmlParser().ParseDocument(Markdown.ToHtml(markdown, Resolver));

    /// <summary>Found by GeneratedInputTests (seed 3PDUPTyAiAV1): Markdig threw on it, so saving such a text failed.</summary>
    [Fact]
    public void A_text_nested_deeper_than_markdig_allows_is_kept_as_plain_text()
    {
        var markdown = string.Concat(Enumerable.Repeat("> ", 200)) + "x <script>alert(1)</script> [[The Dundies]]";

        var page = Render(markdown);

        Assert.Empty(page.QuerySelectorAll("script, blockquote"));
        Assert.Equal(markdown, page.Body!.TextContent.Trim());
    }

    [Fact]
    public void A_wiki_link_to_an_episode_links_to_its_page()
    {
        var link = Assert.Single(Render("A kiss in [[The Dundies]].").QuerySelectorAll("a"));
        Assert.Equal("/episodes/the-dundies", link.GetAttribute("href"));
        Assert.Equal("The Dundies", link.TextContent);
        Assert.Contains("citation", link.ClassList);
    }

    [Fact]
    public void A_labelled_link_shows_its_label_and_matches_case_and_accents_loosely()
    {
        var link = Assert.Single(Render("[[cafe disco|the dance party]]").QuerySelectorAll("a"));
        Assert.Equal("/episodes/cafe-disco", link.GetAttribute("href"));
        Assert.Equal("the dance party", link.TextContent);
    }

    [Fact]
    public void A_wiki_link_to_a_character_alias_links_to_the_character()
    {
        var link = Assert.Single(Render("Ask [[Pam]].").QuerySelectorAll("a"));
        Assert.Equal("/characters/pam-beesly", link.GetAttribute("href"));
    }

    [Fact]
    public void A_link_to_nothing_renders_as_a_visibly_broken_link()
    {
        var link = Assert.Single(Render("See [[The Dundys]].").QuerySelectorAll("a"));
        Assert.Contains("broken", link.ClassList);
        Assert.Equal("/missing?title=The%20Dundys", link.GetAttribute("href"));
        Assert.Equal("The Dundys", link.TextContent);
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_run()
    {
        var document = Render("Hello <script>alert(1)</script> <img src=x onerror=alert(1)>");
        Assert.Empty(document.QuerySelectorAll("script, img"));
        Assert.Contains("<script>alert(1)</script>", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Javascript_urls_are_removed()
    {
        var document = Render("[click](javascript:alert(1)) and [ok](https://example.org/)");
        var hrefs = document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.DoesNotContain(hrefs, h => h is not null && h.Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("https://example.org/", hrefs);
    }

    [Fact]
    public void Analysis_lists_cited_episodes_linked_and_named_characters_and_broken_links()
    {
        var mentions = new MentionFinder([(3, ["Pam Beesly", "Pam"]), (4, ["Roy Anderson", "Roy"])]);
        var analysis = WikiMarkdown.Analyse("Pam's kiss in [[The Dundies]] and [[Cafe Disco]] upset [[Nobody]].", Resolver, mentions);
        Assert.Equal([1, 2], analysis.EpisodeIds);
        Assert.Equal([3], analysis.CharacterIds);
        Assert.Equal(["Nobody"], analysis.BrokenLinks);
    }

    [Fact]
    public void Names_inside_a_link_are_not_mentions()
    {
        var mentions = new MentionFinder([(4, ["Roy"])]);
        var resolver = new WikiLinkResolver([(new WikiLinkTarget(WikiLinkKind.Episode, 9, "roys-wedding", "Roy's Wedding"), [])]);
        Assert.Empty(WikiMarkdown.Analyse("They went to [[Roy's Wedding]].", resolver, mentions).CharacterIds);
    }

    [Theory]
    [InlineData("Goodbye, Toby", "goodbye-toby")]
    [InlineData("Café Disco", "cafe-disco")]
    [InlineData("Phyllis' Wedding", "phyllis-wedding")]
    [InlineData("Did I Stutter?", "did-i-stutter")]
    [InlineData("Dwight K. Schrute, (Acting) Manager", "dwight-k-schrute-acting-manager")]
    public void Slugs_are_lowercase_ascii_words_joined_by_dashes(string title, string slug) =>
        Assert.Equal(slug, Slug.From(title));
}
