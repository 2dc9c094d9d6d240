using System.Globalization;
using System.Text.RegularExpressions;
using JimPam.Wiki.Content;
using JimPam.Wiki.Data;

namespace JimPam.Wiki.Import;

/// <summary>
/// Parses a relationship article in the fan-wiki text form of <c>seed-data/</c>: an epigraph, an intro,
/// "Heading[]" sections (recurring jokes, "Season N", behind the scenes), image placeholder lines,
/// captions and a "Status:" line. Every non-blank line is one paragraph. Pure: no database, no host.
/// </summary>
public sealed partial class ArticleParser(string file, CitationMarkup citations, WikiLinkResolver episodes)
{
    private readonly string _file = file;
    private readonly CitationMarkup _citations = citations;
    private readonly WikiLinkResolver _episodes = episodes;

    private enum Section
    {
        Intro,
        Jokes,
        Season,
        BehindTheScenes,
        AfterStatus,
    }

    /// <summary>A parser that recognises the titles and aliases of an episode catalogue.</summary>
    public static ArticleParser ForCatalogue(string file, IReadOnlyList<EpisodeRow> episodes)
    {
        var resolver = new WikiLinkResolver(episodes.Select((e, i) =>
            (new WikiLinkTarget(WikiLinkKind.Episode, i, Slug.From(e.Title), e.Title), (IEnumerable<string>)e.Aliases)));
        var citations = new CitationMarkup(resolver, episodes.SelectMany(e => e.Aliases.Prepend(e.Title)));
        return new ArticleParser(file, citations, resolver);
    }

    public ParsedArticle Parse(string text)
    {
        var blocks = Blocks(text);
        if (blocks.Count == 0)
        {
            throw new ImportException(_file, 1, "the article is empty");
        }

        var index = 0;
        var quote = ParseEpigraph(blocks, ref index);

        var intro = new List<string>();
        var introText = new List<string>();
        var jokes = new List<string>();
        var seasons = new List<ParsedSeason>();
        var behindTheScenes = new List<string>();
        string? footnote = null;
        string? status = null;
        var parts = new SectionStarts();
        var section = Section.Intro;
        ParsedSeasonBuilder? season = null;

        for (; index < blocks.Count; index++)
        {
            var (line, block) = blocks[index];

            if (Heading().Match(block) is { Success: true } heading)
            {
                season?.Build(seasons);
                season = null;
                section = OpenSection(heading.Groups["name"].Value.Trim(), line, seasons, parts, out season);
                continue;
            }

            if (StatusLine().Match(block) is { Success: true } statusMatch)
            {
                if (status is not null)
                {
                    throw new ImportException(_file, line, "a second \"Status:\" line; the article has one status");
                }

                season?.Build(seasons);
                season = null;
                status = statusMatch.Groups["status"].Value.Trim();
                parts.Status = line;
                section = Section.AfterStatus;
                continue;
            }

            switch (section)
            {
                case Section.Intro:
                    parts.Intro ??= line;
                    intro.Add(_citations.ToMarkdown(block, _file, line));
                    introText.Add(block);
                    break;
                case Section.Jokes:
                    jokes.Add(_citations.ToMarkdown(Bullet(block, line, "recurring jokes"), _file, line));
                    break;
                case Section.Season:
                    season!.Add(line, block);
                    break;
                case Section.BehindTheScenes:
                    var note = Bullet(block, line, "behind the scenes");
                    if (FootnoteMarker().Match(note) is { Success: true } marker)
                    {
                        footnote ??= marker.Groups["n"].Value;
                        note = note[..marker.Index].TrimEnd();
                    }

                    behindTheScenes.Add(_citations.ToMarkdown(note, _file, line));
                    break;
                default:
                    throw new ImportException(_file, line, "text after the \"Status:\" line belongs to no section; put it under a \"Heading[]\" line");
            }
        }

        season?.Build(seasons);
        if (seasons.Count == 0)
        {
            throw new ImportException(_file, 1, "the article has no \"Season N[]\" sections");
        }

        return new ParsedArticle(quote, intro, Actors(introText), jokes, seasons, status, behindTheScenes, footnote)
        {
            Layout = new ArticleLayout(quote?.Line, parts.Intro, parts.Jokes, jokes.Count, parts.Status, parts.BehindTheScenes, behindTheScenes.Count, blocks[^1].Line),
        };
    }

    /// <summary>The first sentence of a paragraph: up to the first full stop that a new sentence follows.</summary>
    public static string FirstSentence(string paragraph) =>
        SentenceEnd().Match(paragraph) is { Success: true } end ? paragraph[..(end.Index + end.Length)] : paragraph;

    private Section OpenSection(string name, int line, List<ParsedSeason> seasons, SectionStarts parts, out ParsedSeasonBuilder? season)
    {
        season = null;
        if (name.Equals("Recurring jokes", StringComparison.OrdinalIgnoreCase))
        {
            parts.Jokes = Once(parts.Jokes, line, name);
            return Section.Jokes;
        }

        if (name.Equals("Behind the scenes", StringComparison.OrdinalIgnoreCase))
        {
            parts.BehindTheScenes = Once(parts.BehindTheScenes, line, name);
            return Section.BehindTheScenes;
        }

        if (SeasonHeading().Match(name) is { Success: true } match)
        {
            var number = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            var previous = seasons.Count == 0 ? 0 : seasons[^1].Number;
            if (number <= previous)
            {
                throw new ImportException(_file, line, $"\"Season {number}\" comes after \"Season {previous}\"; seasons must be in order, each once");
            }

            season = new ParsedSeasonBuilder(this, line, number);
            return Section.Season;
        }

        throw new ImportException(_file, line, $"unknown section \"{name}[]\"; expected \"Recurring jokes\", \"Season N\" or \"Behind the scenes\"");
    }

    private int Once(int? seen, int line, string name) =>
        seen is { } first
            ? throw new ImportException(_file, line, $"a second \"{name}[]\" section; the first is on line {first}")
            : line;

    /// <summary>Where each section of the article starts, as the parser meets them.</summary>
    private sealed class SectionStarts
    {
        public int? Intro { get; set; }
        public int? Jokes { get; set; }
        public int? Status { get; set; }
        public int? BehindTheScenes { get; set; }
    }

    private ParsedQuote? ParseEpigraph(List<(int Line, string Text)> blocks, ref int index)
    {
        if (blocks.Count < 2 || !IsAttribution(blocks[1].Text))
        {
            return null;
        }

        var (line, attribution) = blocks[1];
        var parts = attribution.TrimStart('—', '―', '-', ' ').Split(", ", 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new ImportException(_file, line, "the epigraph's attribution must read \"—Speaker, Episode\"");
        }

        if (_episodes.ResolveEpisode(parts[1]) is null)
        {
            throw new ImportException(_file, line, $"the epigraph's episode \"{parts[1]}\" matches no episode in the catalogue");
        }

        index = 2;
        return new ParsedQuote(blocks[0].Line, blocks[0].Text, parts[0], parts[1]);
    }

    private static bool IsAttribution(string text) => text.StartsWith('—') || text.StartsWith('―') || text.StartsWith("--", StringComparison.Ordinal);

    private string Bullet(string block, int line, string section)
    {
        var trimmed = block.TrimStart();
        return trimmed.Length > 1 && trimmed[0] is '•' or '*' or '-'
            ? trimmed[1..].Trim()
            : throw new ImportException(_file, line, $"the {section} section holds bullet points (\"• ...\"), but this line is not one");
    }

    private static List<string> Actors(List<string> intro)
    {
        foreach (var paragraph in intro)
        {
            if (Portrayal().Match(paragraph) is { Success: true } match)
            {
                return [.. ActorSeparator().Split(match.Groups["actors"].Value).Select(a => a.Trim()).Where(a => a.Length > 0)];
            }
        }

        return [];
    }

    private static List<(int Line, string Text)> Blocks(string text)
    {
        var blocks = new List<(int, string)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length > 0)
            {
                blocks.Add((i + 1, line));
            }
        }

        return blocks;
    }

    private sealed class ParsedSeasonBuilder(ArticleParser parser, int line, int number)
    {
        private readonly List<ParsedEvent> _events = [];
        private string? _pendingSlot;
        private int _pendingSlotLine;

        public void Add(int blockLine, string block)
        {
            if (IsImageSlot(block))
            {
                FlushSlot();
                _pendingSlot = block;
                _pendingSlotLine = blockLine;
                return;
            }

            if (Caption().Match(block) is { Success: true } caption && parser._episodes.ResolveEpisode(caption.Groups["title"].Value) is not null)
            {
                _events.Add(new ParsedEvent(_pendingSlot is null ? blockLine : _pendingSlotLine, EventKind.Figure, _pendingSlot, block, Markup(blockLine, block)));
                _pendingSlot = null;
                return;
            }

            FlushSlot();
            _events.Add(new ParsedEvent(blockLine, EventKind.Paragraph, null, block, Markup(blockLine, block)));
        }

        public void Build(List<ParsedSeason> seasons)
        {
            FlushSlot();
            if (_events.Count == 0)
            {
                throw new ImportException(parser._file, line, $"\"Season {number}\" has no text");
            }

            seasons.Add(new ParsedSeason(line, number, _events));
        }

        private string Markup(int blockLine, string block) => parser._citations.ToMarkdown(block, parser._file, blockLine);

        private void FlushSlot()
        {
            if (_pendingSlot is not null)
            {
                _events.Add(new ParsedEvent(_pendingSlotLine, EventKind.Figure, _pendingSlot, "", ""));
                _pendingSlot = null;
            }
        }

        // An image placeholder ("Jimpam s3") is a short line that no sentence punctuation ends.
        private static bool IsImageSlot(string block) =>
            block.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4
            && !char.IsPunctuation(block[^1]);
    }

    [GeneratedRegex(@"^(?<name>.+?)\[\]$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^Season\s+(?<n>\d{1,3})$", RegexOptions.IgnoreCase)]
    private static partial Regex SeasonHeading();

    [GeneratedRegex(@"^Status:\s*(?<status>\S.*)$")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"\[(?<n>\d+)\]$")]
    private static partial Regex FootnoteMarker();

    [GeneratedRegex(@"^.+[.!?]\s+\((?<title>[^()""“”]+)\)$")]
    private static partial Regex Caption();

    [GeneratedRegex(@"portrayed by (?<actors>[^.]+?)(?:, respectively)?\.")]
    private static partial Regex Portrayal();

    [GeneratedRegex(@",\s*and\s+|,\s*|\s+and\s+")]
    private static partial Regex ActorSeparator();

    [GeneratedRegex(@"[.!?][”""]?(?=\s+[\p{Lu}“""])")]
    private static partial Regex SentenceEnd();
}
