using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using JimPam.Wiki.Content;
using Microsoft.EntityFrameworkCore;

using JimPam.Wiki.Data;

namespace JimPam.Wiki.Search;

/// <summary>What each entry puts in the search index: its text as a reader sees it, and the names it answers to.</summary>
public static class SearchDocuments
{
    /// <summary>The documents of these entries, read from the database (inside the caller's transaction, if any).
    /// Deleted entries have none. With no ids, every entry of the kind.</summary>
    public static async Task<List<SearchDocument>> LoadAsync(WikiDbContext db, SearchKind kind, IReadOnlyCollection<int>? ids, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case SearchKind.Event:
                return [.. (await db.Events.AsNoTracking().Where(e => !e.Deleted && (ids == null || ids.Contains(e.Id)))
                        .Select(e => new { e.Id, e.Milestone, e.BodyHtml, e.BodyMarkdown, e.ImageAlt, e.ImageCredit }).ToListAsync(cancellationToken))
                    .Select(e => new SearchDocument(kind, e.Id, Clean(e.Milestone ?? ""),
                        // A figure is found by what its picture shows and who made it, as well as by its caption.
                        string.Join(" · ", new[] { TextOf(e.BodyHtml, e.BodyMarkdown), Clean(e.ImageAlt ?? ""), Clean(e.ImageCredit ?? "") }.Where(t => t.Length > 0)), ""))];
            case SearchKind.Joke:
                return [.. (await db.Jokes.AsNoTracking().Where(j => !j.Deleted && (ids == null || ids.Contains(j.Id)))
                        .Select(j => new { j.Id, j.BodyHtml, j.BodyMarkdown }).ToListAsync(cancellationToken))
                    .Select(j => new SearchDocument(kind, j.Id, "", TextOf(j.BodyHtml, j.BodyMarkdown), ""))];
            case SearchKind.Episode:
                return [.. (await db.Episodes.AsNoTracking().Where(e => !e.Deleted && (ids == null || ids.Contains(e.Id)))
                        .Select(e => new { e.Id, e.Title, Aliases = e.Aliases.Select(a => a.Title).ToList() }).ToListAsync(cancellationToken))
                    .Select(e => new SearchDocument(kind, e.Id, Clean(e.Title), Clean(string.Join(" · ", e.Aliases)), NamesOf([e.Title, .. e.Aliases])))];
            case SearchKind.Character:
                return [.. (await db.Characters.AsNoTracking().Where(c => !c.Deleted && (ids == null || ids.Contains(c.Id)))
                        .Select(c => new { c.Id, c.Name, c.FullName, c.Actor, Aliases = c.Aliases.Select(a => a.Name).ToList() }).ToListAsync(cancellationToken))
                    .Select(c => new SearchDocument(kind, c.Id, Clean(c.Name),
                        Clean(string.Join(" · ", new[] { c.FullName }.Concat(c.Aliases).Append(c.Actor).Where(s => !string.IsNullOrWhiteSpace(s) && s != c.Name).Distinct())),
                        NamesOf([c.Name, c.FullName, .. c.Aliases])))];
            case SearchKind.Relationship:
                return [.. (await db.Relationships.AsNoTracking().Where(r => ids == null || ids.Contains(r.Id))
                        .Select(r => new { r.Id, r.Title, r.Status, r.QuoteText, r.QuoteSpeaker, r.IntroHtml, r.IntroMarkdown, r.BehindTheScenesHtml, r.BehindTheScenesMarkdown, r.BehindTheScenesFootnote })
                        .ToListAsync(cancellationToken))
                    .Select(r => new SearchDocument(kind, r.Id, Clean(r.Title),
                        string.Join(" · ", new[] { Clean(r.QuoteText), TextOf(r.IntroHtml, r.IntroMarkdown), Clean(r.Status), TextOf(r.BehindTheScenesHtml, r.BehindTheScenesMarkdown), Clean(r.BehindTheScenesFootnote ?? "") }.Where(s => s.Length > 0)),
                        NamesOf([r.Title])))];
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>"|the-dundies|dundies|": the slug form of each name, as <see cref="SearchQuery.Name"/> is.</summary>
    private static string NamesOf(IEnumerable<string?> names) =>
        "|" + string.Join("|", names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => Slug.From(n!)).Where(s => s.Length > 0).Distinct()) + "|";

    private static readonly HtmlParser Parser = new();

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "li", "ul", "ol", "div", "blockquote", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "hr", "pre",
    };

    /// <summary>The text a reader sees of a stored body: its HTML's text, with a space where a block ends.</summary>
    public static string TextOf(string? html, string markdown)
    {
        if (string.IsNullOrEmpty(html))
        {
            return Clean(markdown);
        }

        var text = new StringBuilder(html.Length);
        Walk(Parser.ParseFragment(html, Parser.ParseDocument("").Body!), text);
        return Clean(text.ToString());
    }

    private static void Walk(IEnumerable<INode> nodes, StringBuilder text)
    {
        foreach (var node in nodes)
        {
            if (node is IText t)
            {
                text.Append(t.Data);
            }
            else if (node is IElement e)
            {
                var block = Blocks.Contains(e.LocalName);
                if (block)
                {
                    text.Append(' ');
                }

                Walk(e.ChildNodes, text);
                if (block)
                {
                    text.Append(' ');
                }
            }
        }
    }

    /// <summary>One line of text: control characters (among them the index's marks) and runs of spaces become one space.</summary>
    public static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c) || char.IsControl(c);
            if (!space)
            {
                clean.Append(c);
            }
            else if (clean.Length > 0 && clean[^1] != ' ')
            {
                clean.Append(' ');
            }
        }

        return clean.ToString().TrimEnd();
    }
}
