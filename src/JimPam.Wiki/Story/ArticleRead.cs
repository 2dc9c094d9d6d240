using JimPam.Wiki.Caching;
using JimPam.Wiki.Data;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Story;

/// <summary>
/// A relationship's article as a reader at a point may see it: epigraph, infobox (with the status at the reader's episode
/// when a shield is up), intro, season cards, recurring jokes and behind the scenes; on the first relationship's article,
/// the list of every relationship. The home page, a relationship's article and the API's relationship resource read it; the
/// spoiler shield is applied in the queries. Three round trips; with <see cref="Sources"/> (the API's Markdown,
/// the milestones and the jokes' citations), five.
/// </summary>
public sealed record ArticleRead(
    int Id,
    string Title,
    string Slug,
    string? Relationship,
    string Status,
    ArticleRead.Quote? Epigraph,
    IHtmlContent Intro,
    string IntroMarkdown,
    IReadOnlyList<ArticleRead.Member> Members,
    IReadOnlyList<ArticleRead.SeasonCard> Seasons,
    IReadOnlyList<JokeView> Jokes,
    IHtmlContent? BehindTheScenes,
    string BehindTheScenesMarkdown,
    ArticleRead.StatusAsOf? AsOf,
    bool StatusHidden,
    IReadOnlyList<ArticleRead.RelationshipLink> Relationships,
    int Hidden,
    LastEdit? LastEdit,
    IReadOnlyList<string> Tags)
{
    /// <summary>The epigraph; <paramref name="Episode"/> is the episode it is from, when the catalogue has it.</summary>
    public sealed record Quote(string Text, string Speaker, string? SpeakerSlug, string? EpisodeTitle, string? EpisodeSlug, EpisodeStamp? Episode);

    /// <summary>
    /// What the API adds to the page: each shown joke's Markdown and cited episodes, and the milestones the reader may
    /// see, in story order; <paramref name="Hidden"/> counts what the shield leaves out of the article (the epigraph,
    /// jokes and milestones).
    /// </summary>
    public sealed record Sources(IReadOnlyList<JokeSource> Jokes, IReadOnlyList<MilestoneSource> Milestones, int Hidden);

    public sealed record JokeSource(int Id, string Markdown, string Html, IReadOnlyList<EpisodeStamp> Citations);

    public sealed record MilestoneSource(string Label, string? Status, EpisodeStamp? Episode);

    /// <summary>The sources, read when asked for (<c>withSources</c>).</summary>
    public Sources? Source { get; init; }

    public sealed record Member(int Id, string Name, string Slug, string? Actor);

    /// <summary>A season's card; <paramref name="Summary"/> is empty when the reader has not finished the season.</summary>
    public sealed record SeasonCard(int Id, int Number, string Summary, int Events, int Citations);

    /// <summary>A relationship in the home page's list: its article's slug (null: the first relationship's, this page), title and members.</summary>
    public sealed record RelationshipLink(string? Slug, string Title, IReadOnlyList<string> Members);

    /// <summary>The status a reader who has watched up to <paramref name="Episode"/> knows, from the milestone that set it (null: none yet).</summary>
    public sealed record StatusAsOf(EpisodeStamp Episode, Since? Since);

    /// <summary>The milestone that set a status: its part of the story, label, status and episode.</summary>
    public sealed record Since(int EventId, int Season, string Label, string Status, string? EpisodeTitle);

    /// <summary>The relationship with this slug (null: the wiki's first relationship) as <paramref name="shield"/> lets its reader
    /// see it, or null when there is none.</summary>
    public static async Task<ArticleRead?> LoadAsync(WikiDbContext db, string? slug, SpoilerShield shield, CancellationToken cancellationToken, bool withSources = false)
    {
        var upTo = shield.Ordinal;
        var at = shield.UpTo ?? default;

        // 1. The article, its members and the jokes the reader may see; with a shield up, the episode it stands at and
        // the status milestones up to it (a handful: the last of them is the status then).
        var r = await db.Relationships.AsNoTracking()
            .Where(r => slug == null ? db.FirstRelationship.Contains(r.Id) : r.Slug == slug)
            .Select(r => new
            {
                r.Id,
                r.Title,
                r.Slug,
                First = db.FirstRelationship.Contains(r.Id),
                r.QuoteSpeakerId,
                r.QuoteEpisodeId,
                r.Status,
                r.QuoteText,
                r.QuoteSpeaker,
                SpeakerSlug = r.QuoteSpeakerCharacter == null ? null : r.QuoteSpeakerCharacter.Slug,
                EpisodeSlug = r.QuoteEpisode == null ? null : r.QuoteEpisode.Slug,
                EpisodeTitle = r.QuoteEpisode == null ? null : r.QuoteEpisode.Title,
                QuoteSeason = r.QuoteEpisode == null ? 0 : r.QuoteEpisode.Season.Number,
                QuoteNumber = r.QuoteEpisode == null ? 0 : r.QuoteEpisode.NumberInSeason,
                QuoteAirDate = r.QuoteEpisode == null ? null : r.QuoteEpisode.AirDate,
                QuoteHidden = upTo != null && r.QuoteEpisode != null && r.QuoteEpisode.Season.Number * EpisodePoint.OrdinalSeason + r.QuoteEpisode.NumberInSeason > upTo,
                r.IntroHtml,
                r.IntroMarkdown,
                r.BehindTheScenesHtml,
                r.BehindTheScenesMarkdown,
                r.BehindTheScenesFootnote,
                Members = r.Members.OrderBy(m => m.Position).Select(m => new Member(m.CharacterId, m.Character.Name, m.Character.Slug, m.Character.Actor)).ToList(),
                Jokes = r.Jokes.Where(j => !j.Deleted).OrderBy(j => j.Order)
                    .Select(j => new
                    {
                        j.Id,
                        j.BodyHtml,
                        j.BodyMarkdown,
                        Hidden = upTo != null && j.Point > upTo,
                    })
                    .ToList(),
                Since = r.Events
                    .Where(e => upTo != null && !e.Deleted && e.MilestoneStatus != null && e.Milestone != null && e.MilestonePoint <= upTo)
                    .Select(e => new { e.MilestonePoint, Since = new Since(e.Id, e.Season.Number, e.Milestone!, e.MilestoneStatus!, e.MilestoneEpisode == null ? null : e.MilestoneEpisode.Title) })
                    .ToList(),
                AsOfId = db.Episodes.Where(e => upTo != null && !e.Deleted && e.Season.Number == at.Season && e.NumberInSeason == at.Number).Select(e => (int?)e.Id).FirstOrDefault(),
                AsOfTitle = db.Episodes.Where(e => upTo != null && !e.Deleted && e.Season.Number == at.Season && e.NumberInSeason == at.Number).Select(e => e.Title).FirstOrDefault(),
                AsOfSlug = db.Episodes.Where(e => upTo != null && !e.Deleted && e.Season.Number == at.Season && e.NumberInSeason == at.Number).Select(e => e.Slug).FirstOrDefault(),
                EditAuthor = r.EditedBy,
                EditAt = r.EditedAt,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (r is null)
        {
            return null;
        }

        // 2. The seasons this relationship's story is told in, with their counts; a summary only for a season the reader has finished.
        var seasons = await db.Seasons.AsNoTracking()
            .Where(s => db.Events.Any(e => e.SeasonId == s.Id && e.RelationshipId == r.Id && e.Kind == EventKind.Paragraph && !e.Deleted))
            .OrderBy(s => s.Number)
            .Select(s => new
            {
                s.Id,
                s.Number,
                s.Summary,
                Finished = upTo == null || s.Number * EpisodePoint.OrdinalSeason + (s.Episodes.Where(e => !e.Deleted).Max(e => (int?)e.NumberInSeason) ?? 1) <= upTo,
                Events = db.Events.Count(e => e.SeasonId == s.Id && e.RelationshipId == r.Id && e.Kind == EventKind.Paragraph && !e.Deleted),
                Citations = db.EventCitations.Count(c => c.Event.SeasonId == s.Id && c.Event.RelationshipId == r.Id),
            })
            .ToListAsync(cancellationToken);

        // 3. On the first relationship's article, every relationship.
        var relationships = r.First && slug is null
            ? await db.Relationships.AsNoTracking().OrderBy(c => c.Id)
                .Select(c => new RelationshipLink(c.Id == r.Id ? null : c.Slug, c.Title, c.Members.OrderBy(m => m.Position).Select(m => m.Character.Name).ToList()))
                .ToListAsync(cancellationToken)
            : [];

        var jokes = r.Jokes.Where(j => !j.Hidden).Select(j => new JokeView(j.Id, j.BodyHtml ?? "")).ToList();
        var quoted = r.QuoteEpisodeId is { } quoteEpisode ? new EpisodeStamp(quoteEpisode, r.EpisodeTitle!, r.EpisodeSlug!, new EpisodePoint(r.QuoteSeason, r.QuoteNumber), r.QuoteAirDate) : null;
        Sources? sources = null;
        if (withSources)
        {
            // 4. The jokes' cited episodes, and 5. the milestones, in the order of the story (as the chronology places them).
            var shownJokes = r.Jokes.Where(j => !j.Hidden).Select(j => j.Id).ToList();
            var citations = (await db.JokeCitations.AsNoTracking()
                    .Where(c => shownJokes.Contains(c.JokeId))
                    .InBroadcastOrder(c => c.Episode)
                    .Select(c => new { c.JokeId, c.Episode.Id, c.Episode.Title, c.Episode.Slug, Season = c.Episode.Season.Number, c.Episode.NumberInSeason, c.Episode.AirDate })
                    .ToListAsync(cancellationToken))
                .ToLookup(c => c.JokeId, c => new EpisodeStamp(c.Id, c.Title, c.Slug, new EpisodePoint(c.Season, c.NumberInSeason), c.AirDate));
            var milestones = await db.Events.AsNoTracking()
                .Where(e => e.RelationshipId == r.Id && !e.Deleted && e.Milestone != null)
                .OrderBy(e => e.MilestonePoint).ThenBy(e => e.Season.Number).ThenBy(e => e.Id)
                .Select(e => new
                {
                    e.MilestonePoint,
                    e.Milestone,
                    e.MilestoneStatus,
                    Episode = e.MilestoneEpisode == null || e.MilestoneEpisode.Deleted ? null : new { e.MilestoneEpisode.Id, e.MilestoneEpisode.Title, e.MilestoneEpisode.Slug, Season = e.MilestoneEpisode.Season.Number, e.MilestoneEpisode.NumberInSeason, e.MilestoneEpisode.AirDate },
                })
                .ToListAsync(cancellationToken);
            var shownMilestones = milestones.Where(m => upTo == null || m.MilestonePoint <= upTo).ToList();
            sources = new Sources(
                [.. r.Jokes.Where(j => !j.Hidden).Select(j => new JokeSource(j.Id, j.BodyMarkdown, j.BodyHtml ?? "", [.. citations[j.Id]]))],
                [.. shownMilestones.Select(m => new MilestoneSource(m.Milestone!, m.MilestoneStatus, m.Episode is { } e ? new EpisodeStamp(e.Id, e.Title, e.Slug, new EpisodePoint(e.Season, e.NumberInSeason), e.AirDate) : null))],
                r.Jokes.Count - jokes.Count + (r.QuoteHidden ? 1 : 0) + milestones.Count - shownMilestones.Count);
        }

        var asOf = r.AsOfId is { } asOfId ? new StatusAsOf(new EpisodeStamp(asOfId, r.AsOfTitle!, r.AsOfSlug!, at, null), r.Since.OrderBy(m => m.MilestonePoint).ThenBy(m => m.Since.Season).ThenBy(m => m.Since.EventId).LastOrDefault()?.Since) : null;
        return new ArticleRead(
            r.Id,
            r.Title,
            r.Slug,
            WikiDbContext.AddressValue(r.First, r.Slug),
            r.Status,
            r.QuoteText.Length == 0 || r.QuoteHidden ? null : new Quote(r.QuoteText, r.QuoteSpeaker, r.SpeakerSlug, r.EpisodeTitle, r.EpisodeSlug, quoted),
            new HtmlString(r.IntroHtml),
            r.IntroMarkdown,
            r.Members,
            [.. seasons.Select(s => new SeasonCard(s.Id, s.Number, s.Finished ? s.Summary : "", s.Events, s.Citations))],
            jokes,
            string.IsNullOrEmpty(r.BehindTheScenesHtml) ? null : WithFootnote(r.BehindTheScenesHtml, r.BehindTheScenesFootnote),
            r.BehindTheScenesMarkdown,
            asOf,
            shield.Active && asOf is null,
            relationships,
            r.Jokes.Count - jokes.Count + (r.QuoteHidden ? 1 : 0) + seasons.Count(s => !s.Finished),
            r.EditAuthor is null ? null : new LastEdit(r.EditAuthor, r.EditAt!.Value, Revision.RelationshipType, r.Id),
            [
                CacheTags.Relationship(r.Id), CacheTags.Jokes(r.Id), CacheTags.EventCounts, CacheTags.CitationCounts,
                CacheTags.Relationships, CacheTags.CharacterList,
                .. r.Members.Select(m => CacheTags.Character(m.Id)),
                .. seasons.Select(s => CacheTags.Season(s.Id)),
                .. r.QuoteSpeakerId is { } speaker ? [CacheTags.Character(speaker)] : Array.Empty<string>(),
                .. r.QuoteEpisodeId is { } quotedId ? [CacheTags.Episode(quotedId)] : Array.Empty<string>(),
            ])
        {
            Source = sources,
        };
    }

    /// <summary>Puts the source's footnote marker where the source has it: at the end of the note's last paragraph.</summary>
    private static HtmlString WithFootnote(string html, string? footnote)
    {
        var end = html.LastIndexOf("</p>", StringComparison.Ordinal);
        return footnote is null || end < 0
            ? new HtmlString(html)
            : new HtmlString(html.Insert(end, $"<sup class=\"footnote-ref\">[{System.Net.WebUtility.HtmlEncode(footnote)}]</sup>"));
    }
}
