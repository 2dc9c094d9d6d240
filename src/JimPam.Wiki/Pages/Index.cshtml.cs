using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages;

/// <summary>The relationship article: epigraph, infobox, intro, season cards and behind the scenes.</summary>
[OutputCache(PolicyName = WikiPagePolicy.Name)]
public class IndexModel(WikiDbContext db) : PageModel
{
    public ArticleView? Article { get; private set; }

    public int RelationshipId { get; private set; }

    public LastEdit? LastEdit { get; private set; }

    /// <summary>The status at the episode <c>?asOf=s04e01</c> names, when the address asks for one.</summary>
    public StatusAsOf? AsOf { get; private set; }

    /// <summary>How many things the reader's spoiler shield hides on this page (season summaries, jokes, the epigraph).</summary>
    public int Hidden { get; private set; }

    /// <summary>The spoiler shield names no episode the catalogue has, so no status can be given safely.</summary>
    public bool StatusHidden { get; private set; }

    /// <summary>The article's address: empty for the wiki's first couple (at /), else its slug (at /relationships/{slug}).</summary>
    public string? Slug { get; private set; }

    /// <summary>Every couple with an article, for the home page's list (empty on another couple's article).</summary>
    public IReadOnlyList<CoupleLink> Couples { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        var first = await db.FirstRelationshipIdAsync(cancellationToken);
        var relationship = await db.Relationships.AsNoTracking()
            .Where(r => slug == null ? r.Id == first : r.Slug == slug)
            .Select(r => new
            {
                r.Id,
                r.Title,
                r.Slug,
                r.QuoteSpeakerId,
                r.QuoteEpisodeId,
                r.Status,
                r.QuoteText,
                r.QuoteSpeaker,
                SpeakerSlug = r.QuoteSpeakerCharacter == null ? null : r.QuoteSpeakerCharacter.Slug,
                EpisodeSlug = r.QuoteEpisode == null ? null : r.QuoteEpisode.Slug,
                EpisodeTitle = r.QuoteEpisode == null ? null : r.QuoteEpisode.Title,
                EpisodeSeason = r.QuoteEpisode == null ? 0 : r.QuoteEpisode.Season.Number,
                EpisodeNumber = r.QuoteEpisode == null ? 0 : r.QuoteEpisode.NumberInSeason,
                r.IntroHtml,
                r.BehindTheScenesHtml,
                r.BehindTheScenesFootnote,
                Members = r.Members.OrderBy(m => m.Position).Select(m => new MemberView(m.CharacterId, m.Character.Name, m.Character.Slug, m.Character.Actor)).ToList(),
                Jokes = r.Jokes.Where(j => !j.Deleted).OrderBy(j => j.Order).Select(j => new JokeView(j.Id, j.BodyHtml ?? "")).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (relationship is null)
        {
            return NotFound();
        }

        // The first couple's article lives at the site's root; the others at their own address.
        if (slug is not null && relationship.Id == first)
        {
            return RedirectToPagePermanent("/Index");
        }

        if (this.RedirectToCanonical(slug is null ? "/Index" : "/Relationships/Article", slug is null ? null : new { slug = relationship.Slug }) is { } redirect)
        {
            return redirect;
        }

        RelationshipId = relationship.Id;
        Slug = slug is null ? null : relationship.Slug;
        if (slug is null)
        {
            Couples = await db.Relationships.AsNoTracking().OrderBy(r => r.Id)
                .Select(r => new CoupleLink(r.Id == first ? null : r.Slug, r.Title, r.Members.OrderBy(m => m.Position).Select(m => m.Character.Name).ToList()))
                .ToListAsync(cancellationToken);
        }

        var shield = SpoilerShield.Of(HttpContext);
        if (shield.Active)
        {
            // As of the address's asOf (checked before the page runs) or the reader's cookie: a cookie is the reader's
            // own, and one naming no episode of the catalogue shows the page without a status line, never an error.
            await ReadStatusAsOfAsync(shield.UpTo!.Value, relationship.Id, cancellationToken);
            StatusHidden = AsOf is null;
        }

        LastEdit = await LastEdit.OfAsync(db, Revision.RelationshipType, relationship.Id, cancellationToken);
        var seasons = await db.Seasons.AsNoTracking()
            .OrderBy(s => s.Number)
            .Select(s => new SeasonCard(
                s.Id,
                s.Number,
                s.Summary,
                db.Events.Count(e => e.SeasonId == s.Id && e.RelationshipId == relationship.Id && e.Kind == EventKind.Paragraph && !e.Deleted),
                db.EventCitations.Count(c => c.Event.SeasonId == s.Id && c.Event.RelationshipId == relationship.Id),
                s.Episodes.Where(e => !e.Deleted).Max(e => (int?)e.NumberInSeason) ?? 0))
            .ToListAsync(cancellationToken);

        // Under a spoiler shield: no summary of a season the reader has not finished, no epigraph or joke from later on.
        var jokes = relationship.Jokes;
        var quoteHidden = false;
        if (shield.Active)
        {
            seasons = [.. seasons.Select(c => shield.Hides(new EpisodePoint(c.Number, Math.Max(1, c.LastEpisode))) ? c with { Summary = "" } : c)];
            jokes = await shield.ShownJokesAsync(db.JokeCitations.Where(c => c.Joke.RelationshipId == relationship.Id), jokes, j => j.Id, cancellationToken);
            quoteHidden = relationship.EpisodeSlug is not null && shield.Hides(new EpisodePoint(relationship.EpisodeSeason, relationship.EpisodeNumber));
            Hidden = relationship.Jokes.Count - jokes.Count + (quoteHidden ? 1 : 0) + seasons.Count(c => c.Summary.Length == 0 && c.Events > 0);
        }

        HttpContext.Tag([
            CacheTags.Relationship(relationship.Id), CacheTags.Jokes(relationship.Id), CacheTags.EventCounts, CacheTags.CitationCounts,
            CacheTags.Relationships, CacheTags.CharacterList,
            .. relationship.Members.Select(m => CacheTags.Character(m.Id)),
            .. seasons.Select(s => CacheTags.Season(s.Id)),
            .. relationship.QuoteSpeakerId is { } speaker ? [CacheTags.Character(speaker)] : Array.Empty<string>(),
            .. relationship.QuoteEpisodeId is { } quoted ? [CacheTags.Episode(quoted)] : Array.Empty<string>()]);
        Article = new ArticleView(
            relationship.Title,
            relationship.Status,
            relationship.QuoteText.Length == 0 || quoteHidden ? null : new QuoteView(relationship.QuoteText, relationship.QuoteSpeaker, relationship.SpeakerSlug, relationship.EpisodeTitle, relationship.EpisodeSlug),
            new HtmlString(relationship.IntroHtml),
            relationship.Members,
            [.. seasons.Where(s => s.Events > 0)],
            jokes,
            string.IsNullOrEmpty(relationship.BehindTheScenesHtml) ? null : WithFootnote(new HtmlString(relationship.BehindTheScenesHtml), relationship.BehindTheScenesFootnote));
        return Page();
    }

    /// <summary>Reads the status at an episode; nothing when the catalogue has no such episode.</summary>
    private async Task ReadStatusAsOfAsync(EpisodePoint point, int relationshipId, CancellationToken cancellationToken)
    {
        var story = await Chronology.LoadAsync(db, relationshipId, cancellationToken);
        if (story.EpisodeAt(point) is not { } episode)
        {
            return;
        }

        AsOf = new StatusAsOf(episode, story.StatusAt(point));
    }

    /// <summary>Puts the source's footnote marker where the source has it: at the end of the note's last paragraph.</summary>
    private static IHtmlContent WithFootnote(IHtmlContent body, string? footnote)
    {
        var html = body.ToString() ?? "";
        var end = html.LastIndexOf("</p>", StringComparison.Ordinal);
        return footnote is null || end < 0
            ? body
            : new HtmlString(html.Insert(end, $"<sup class=\"footnote-ref\">[{System.Net.WebUtility.HtmlEncode(footnote)}]</sup>"));
    }

    public sealed record ArticleView(
        string Title,
        string Status,
        QuoteView? Quote,
        IHtmlContent Intro,
        IReadOnlyList<MemberView> Members,
        IReadOnlyList<SeasonCard> Seasons,
        IReadOnlyList<JokeView> Jokes,
        IHtmlContent? BehindTheScenes);

    /// <summary>A couple in the home page's list: its article's slug (null: this page), title and members.</summary>
    public sealed record CoupleLink(string? Slug, string Title, IReadOnlyList<string> Members);

    public sealed record QuoteView(string Text, string Speaker, string? SpeakerSlug, string? EpisodeTitle, string? EpisodeSlug);

    public sealed record MemberView(int Id, string Name, string Slug, string? Actor);

    /// <summary>The status a reader who has watched up to <paramref name="Episode"/> knows, from the milestone that set it (null: none yet).</summary>
    public sealed record StatusAsOf(EpisodeStamp Episode, StoryMilestone? Since);

    /// <summary>A season's card; <paramref name="LastEpisode"/> is the number of its last episode (0: none).</summary>
    public sealed record SeasonCard(int Id, int Number, string Summary, int Events, int Citations, int LastEpisode);
}
