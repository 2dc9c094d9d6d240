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

/// <summary>One season of the relationship: its events in order, with the recurring-jokes sidebar.</summary>
[OutputCache(PolicyName = WikiPagePolicy.Name)]
public class SeasonModel(WikiDbContext db) : PageModel
{
    public SeasonView? Season { get; private set; }

    public LastEdit? LastEdit { get; private set; }

    /// <summary>How many parts of the season the reader's spoiler shield hides.</summary>
    public int Hidden { get; private set; }

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken cancellationToken)
    {
        var season = await db.Seasons.AsNoTracking()
            .Where(s => s.Number == number)
            .Select(s => new { s.Id, s.Number, s.Summary })
            .FirstOrDefaultAsync(cancellationToken);
        var relationship = await db.Relationships.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Title, Jokes = r.Jokes.Where(j => !j.Deleted).OrderBy(j => j.Order).Select(j => new JokeView(j.Id, j.BodyHtml ?? "")).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (season is null || relationship is null)
        {
            return NotFound();
        }

        if (this.RedirectToCanonical("/Seasons/Season", new { number = season.Number }) is { } redirect)
        {
            return redirect;
        }

        // Deleted events too: readers do not see them, but deleting one was the season's latest edit.
        var all = await db.Events.AsNoTracking()
            .Where(e => e.SeasonId == season.Id && e.RelationshipId == relationship.Id)
            .OrderBy(e => e.Order)
            .Select(e => new { e.Id, e.Kind, e.ImageSlot, e.BodyHtml, e.Deleted, e.Milestone, e.MilestoneStatus })
            .ToListAsync(cancellationToken);
        var events = all.Where(e => !e.Deleted).ToList();
        var jokes = relationship.Jokes;

        // With a spoiler shield up, what happens after the reader's episode stays out of the page (and its milestone tags).
        var shield = SpoilerShield.Of(HttpContext);
        var hiddenMilestones = new HashSet<int>();
        if (shield.Active)
        {
            var story = await Chronology.LoadAsync(db, relationship.Id, cancellationToken);
            var visible = events.Where(e => story.Event(e.Id) is not { } placed || !shield.Hides(placed.Point)).ToList();
            Hidden = events.Count - visible.Count;
            events = visible;
            hiddenMilestones = [.. story.Milestones.Where(m => shield.Hides(m.Point)).Select(m => m.EventId)];
            var jokePoints = await SpoilerShield.JokePointsAsync(db, relationship.Id, cancellationToken);
            jokes = [.. jokes.Where(j => !shield.HidesAny(jokePoints[j.Id]))];
        }

        var hidden = all.Where(e => !e.Deleted).Select(e => e.Id).Except(events.Select(e => e.Id)).ToList();
        // The episodes the text cites, in the order a reader meets them: read from the stored link rows.
        var cited = await (
                from e in db.Events.AsNoTracking()
                where e.SeasonId == season.Id && e.RelationshipId == relationship.Id && !e.Deleted
                where !hidden.Contains(e.Id)
                from l in e.Links
                where l.EpisodeId != null
                select new { e.Order, l.Position, EpisodeId = l.Episode!.Id, l.Episode.Title, l.Episode.Slug, Season = l.Episode.Season.Number })
            .ToListAsync(cancellationToken);
        var numbers = await db.Seasons.AsNoTracking().Select(s => s.Number).ToListAsync(cancellationToken);

        LastEdit = await LastEdit.OfEventsAsync(db, [.. all.Select(e => e.Id)], cancellationToken);
        HttpContext.Tag([
            CacheTags.Season(season.Id), CacheTags.SeasonStory(season.Id), CacheTags.Relationship(relationship.Id), CacheTags.Jokes(relationship.Id),
            .. cited.Select(c => CacheTags.Episode(c.EpisodeId)).Distinct()]);
        Season = new SeasonView(
            season.Number,
            season.Summary,
            relationship.Title,
            [.. events.Select(e => new EventView(
                e.Id,
                e.Kind,
                e.ImageSlot,
                string.IsNullOrEmpty(e.BodyHtml) ? null : new HtmlString(e.BodyHtml),
                e.Milestone is null || hiddenMilestones.Contains(e.Id) ? null : new MilestoneTag(e.Milestone, e.MilestoneStatus)))],
            jokes,
            [.. cited.OrderBy(c => c.Order).ThenBy(c => c.Position).Select(c => new CitedEpisode(c.Title, c.Slug, c.Season)).Distinct()],
            numbers.Where(n => n < number).Select(n => (int?)n).Max(),
            numbers.Where(n => n > number).Select(n => (int?)n).Min());
        return Page();
    }

    public sealed record SeasonView(
        int Number,
        string Summary,
        string RelationshipTitle,
        IReadOnlyList<EventView> Events,
        IReadOnlyList<JokeView> Jokes,
        IReadOnlyList<CitedEpisode> CitedEpisodes,
        int? Previous,
        int? Next);

    public sealed record CitedEpisode(string Title, string Slug, int Season);

    public sealed record EventView(int Id, EventKind Kind, string? ImageSlot, IHtmlContent? Body, MilestoneTag? Milestone);
}
