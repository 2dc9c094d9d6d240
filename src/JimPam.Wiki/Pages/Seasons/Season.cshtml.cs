using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Seasons;

/// <summary>
/// One season of the story: each couple's events in order, grouped by couple (the wiki's first couple first), with the
/// recurring-jokes sidebar. <c>?couple=slug</c> shows one couple's season alone; a season with more events than a page
/// should carry shows the first couple's and links the others', so the page never grows with the size of the wiki.
/// </summary>
[OutputCache(PolicyName = WikiPagePolicy.Name)]
public class SeasonModel(WikiDbContext db) : PageModel
{
    /// <summary>Above this many events in a season, other couples' parts are linked instead of shown.</summary>
    public const int GroupBudget = 200;

    public SeasonView? Season { get; private set; }

    public LastEdit? LastEdit { get; private set; }

    /// <summary>How many parts of the season the reader's spoiler shield hides.</summary>
    public int Hidden { get; private set; }

    /// <summary>The couple whose season alone is asked for (<c>?couple=slug</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "couple")]
    public string? Couple { get; set; }

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken cancellationToken)
    {
        var season = await db.Seasons.AsNoTracking()
            .Where(s => s.Number == number)
            .Select(s => new { s.Id, s.Number, s.Summary })
            .FirstOrDefaultAsync(cancellationToken);
        var first = await db.Relationships.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Title, Jokes = r.Jokes.Where(j => !j.Deleted).OrderBy(j => j.Order).Select(j => new JokeView(j.Id, j.BodyHtml ?? "")).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (season is null || first is null)
        {
            return NotFound();
        }

        if (this.RedirectToCanonical("/Seasons/Season", new { number = season.Number }) is { } redirect)
        {
            return redirect;
        }

        // Which couples have parts in this season, and how many: counted only when the season is small enough to show
        // them all, so a season of a wiki with a hundred couples costs what a small one does.
        var total = await db.Events.AsNoTracking().Where(e => e.SeasonId == season.Id && !e.Deleted).OrderBy(e => e.Id).Take(GroupBudget + 1).CountAsync(cancellationToken);
        var small = total <= GroupBudget;
        var counts = small
            ? await db.Events.AsNoTracking()
                .Where(e => e.SeasonId == season.Id && !e.Deleted)
                .GroupBy(e => e.RelationshipId)
                .Select(g => new { RelationshipId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(c => c.RelationshipId, c => (int?)c.Count, cancellationToken)
            : [];
        var couples = await db.Relationships.AsNoTracking()
            .Where(r => r.Id == first.Id || (Couple == null ? db.Events.Any(e => e.RelationshipId == r.Id && e.SeasonId == season.Id && !e.Deleted) : r.Slug == Couple))
            .OrderBy(r => r.Id)
            .Select(r => new CoupleRow(r.Id, r.Title, r.Slug))
            .ToListAsync(cancellationToken);
        List<CoupleRow> shown;
        if (Couple is not null)
        {
            if (couples.FirstOrDefault(c => c.Slug == Couple) is not { } asked)
            {
                return NotFound();
            }

            shown = [asked];
        }
        else
        {
            shown = small ? couples : [couples[0]];
        }

        var shownIds = shown.Select(c => c.Id).ToList();

        // Deleted events too: readers do not see them, but deleting one was the season's latest edit.
        var all = await db.Events.AsNoTracking()
            .Where(e => e.SeasonId == season.Id && shownIds.Contains(e.RelationshipId))
            .OrderBy(e => e.RelationshipId).ThenBy(e => e.Order)
            .Select(e => new { e.Id, e.RelationshipId, e.Kind, e.ImageSlot, e.BodyHtml, e.Deleted, e.Milestone, e.MilestoneStatus })
            .ToListAsync(cancellationToken);
        var events = all.Where(e => !e.Deleted).ToList();
        var jokes = first.Jokes;

        // With a spoiler shield up, what happens after the reader's episode stays out of the page (and its milestone tags).
        var shield = SpoilerShield.Of(HttpContext);
        var hiddenMilestones = new HashSet<int>();
        if (shield.Active)
        {
            var story = await Chronology.LoadAsync(db, shownIds, cancellationToken);
            var visible = events.Where(e => !shield.HidesEvent(story, e.Id)).ToList();
            Hidden = events.Count - visible.Count;
            events = visible;
            hiddenMilestones = [.. story.Milestones.Where(m => shield.Hides(m.Point)).Select(m => m.EventId)];
            jokes = await shield.ShownJokesAsync(db.JokeCitations.Where(c => c.Joke.RelationshipId == first.Id), jokes, j => j.Id, cancellationToken);
        }

        var visibleIds = events.Select(e => e.Id).ToList();
        // The episodes the text cites, in the order a reader meets them: read from the stored link rows.
        var cited = await (
                from e in db.Events.AsNoTracking()
                where visibleIds.Contains(e.Id)
                from l in e.Links
                where l.EpisodeId != null
                select new { e.RelationshipId, e.Order, l.Position, EpisodeId = l.Episode!.Id, l.Episode.Title, l.Episode.Slug, Season = l.Episode.Season.Number })
            .ToListAsync(cancellationToken);
        var numbers = await db.Seasons.AsNoTracking().Select(s => s.Number).ToListAsync(cancellationToken);

        LastEdit = await LastEdit.OfEventsAsync(db, [.. all.Select(e => e.Id)], cancellationToken);
        HttpContext.Tag([
            CacheTags.Season(season.Id), CacheTags.SeasonStory(season.Id), CacheTags.Relationships, CacheTags.Jokes(first.Id),
            .. shown.Select(c => CacheTags.Relationship(c.Id)),
            .. cited.Select(c => CacheTags.Episode(c.EpisodeId)).Distinct()]);
        var grouped = events.ToLookup(e => e.RelationshipId);
        Season = new SeasonView(
            season.Number,
            season.Summary,
            first.Title,
            [.. shown.Select(c => new CoupleGroup(
                c.Id == first.Id ? null : c.Slug,
                c.Title,
                [.. grouped[c.Id].Select(e => new EventView(
                    e.Id,
                    e.Kind,
                    e.ImageSlot,
                    string.IsNullOrEmpty(e.BodyHtml) ? null : new HtmlString(e.BodyHtml),
                    e.Milestone is null || hiddenMilestones.Contains(e.Id) ? null : new MilestoneTag(e.Milestone, e.MilestoneStatus)))]))],
            Couple is null ? [.. couples.Where(c => !shownIds.Contains(c.Id)).Select(c => new CoupleLink(c.Slug, c.Title, counts.GetValueOrDefault(c.Id)))] : [],
            Couple is null ? jokes : [],
            [.. cited.OrderBy(c => c.RelationshipId).ThenBy(c => c.Order).ThenBy(c => c.Position).Select(c => new CitedEpisode(c.Title, c.Slug, c.Season)).Distinct()],
            numbers.Where(n => n < number).Select(n => (int?)n).Max(),
            numbers.Where(n => n > number).Select(n => (int?)n).Min());
        return Page();
    }

    private sealed record CoupleRow(int Id, string Title, string Slug);

    /// <summary>
    /// The <c>couple</c> route value of the season page that shows an event: its couple's slug, or null for the wiki's
    /// first couple (whose parts the plain season page always shows).
    /// </summary>
    public static Task<string?> CoupleOfEventAsync(WikiDbContext db, int eventId, CancellationToken cancellationToken) =>
        db.Events.AsNoTracking()
            .Where(e => e.Id == eventId && e.RelationshipId != db.Relationships.Min(r => r.Id))
            .Select(e => e.Relationship.Slug)
            .FirstOrDefaultAsync(cancellationToken);

    public sealed record SeasonView(
        int Number,
        string Summary,
        string RelationshipTitle,
        IReadOnlyList<CoupleGroup> Groups,
        IReadOnlyList<CoupleLink> OtherCouples,
        IReadOnlyList<JokeView> Jokes,
        IReadOnlyList<CitedEpisode> CitedEpisodes,
        int? Previous,
        int? Next)
    {
        /// <summary>Only the wiki's first couple is on the page: its events need no heading of their own.</summary>
        public bool SingleStory => Groups.Count == 1 && Groups[0].Slug is null && OtherCouples.Count == 0;
    }

    /// <summary>One couple's events in the season; <paramref name="Slug"/> is null for the wiki's first couple.</summary>
    public sealed record CoupleGroup(string? Slug, string Title, IReadOnlyList<EventView> Events);

    /// <summary>A couple whose parts of the season are on a page of their own (<c>?couple=slug</c>).</summary>
    public sealed record CoupleLink(string Slug, string Title, int? Events);

    public sealed record CitedEpisode(string Title, string Slug, int Season);

    public sealed record EventView(int Id, EventKind Kind, string? ImageSlot, IHtmlContent? Body, MilestoneTag? Milestone);
}
