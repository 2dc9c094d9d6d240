using JimPam.Wiki.Data;

namespace JimPam.Wiki.Import;

/// <summary>The epigraph: the quote, who said it and the episode, as the article gives them.</summary>
public sealed record ParsedQuote(int Line, string Text, string Speaker, string EpisodeTitle);

/// <summary>One paragraph or figure of a season section; <see cref="Markdown"/> carries the wiki links.</summary>
public sealed record ParsedEvent(int Line, EventKind Kind, string? ImageSlot, string SourceText, string Markdown);

public sealed record ParsedSeason(int Line, int Number, IReadOnlyList<ParsedEvent> Events)
{
    /// <summary>The season's one-line summary: the first sentence the article writes for it.</summary>
    public string Summary => Events.FirstOrDefault(e => e.Kind == EventKind.Paragraph) is { } first
        ? ArticleParser.FirstSentence(first.SourceText)
        : "";
}

/// <summary>The source article, split into the parts the wiki stores.</summary>
public sealed record ParsedArticle(
    ParsedQuote? Quote,
    IReadOnlyList<string> IntroMarkdown,
    IReadOnlyList<string> Actors,
    IReadOnlyList<string> JokesMarkdown,
    IReadOnlyList<ParsedSeason> Seasons,
    string? Status,
    IReadOnlyList<string> BehindTheScenesMarkdown,
    string? BehindTheScenesFootnote)
{
    public int EventCount => Seasons.Sum(s => s.Events.Count);

    /// <summary>The line where each part starts (null: the part is absent), for <see cref="ArticleShape"/>.</summary>
    public ArticleLayout Layout { get; init; } = new(null, null, null, 0, null, null, 0, 0);
}

/// <summary>
/// Where the parts of an article start: the epigraph, the intro, the recurring-jokes heading (and how many jokes
/// it holds), the status line, the behind-the-scenes heading (and its notes), and the article's last line.
/// </summary>
public sealed record ArticleLayout(
    int? Epigraph,
    int? Intro,
    int? Jokes,
    int JokeCount,
    int? Status,
    int? BehindTheScenes,
    int BehindTheScenesCount,
    int LastLine);
