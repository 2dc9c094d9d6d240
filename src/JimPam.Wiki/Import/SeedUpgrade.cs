using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Import;

/// <summary>
/// Brings a wiki seeded by an older version up to what <c>seed-data/</c> has gained since: the air dates of
/// episodes that have none, and the milestones of <c>milestones.csv</c> when no part of the story has one yet. Each
/// runs once per database (a <see cref="SiteSetting"/> remembers it; a fresh import sets both), goes through the
/// writers, so every change is a revision by "import", and leaves alone anything an editor has changed since: an
/// episode whose title no longer matches, a paragraph whose text no longer holds the quote.
/// </summary>
public sealed class SeedUpgrade(WikiDbContext db, EntryWriter entries, ILogger<SeedUpgrade> logger)
{
    public const string AirDatesDone = "seed-upgrade:air-dates";
    public const string MilestonesDone = "seed-upgrade:milestones";

    /// <summary>The marks a fresh import writes, since it already holds everything the upgrades would add.</summary>
    public static IEnumerable<SiteSetting> Marks() =>
        [new SiteSetting { Key = AirDatesDone, Value = "import" }, new SiteSetting { Key = MilestonesDone, Value = "import" }];

    public async Task RunAsync(string folder, CancellationToken cancellationToken)
    {
        // One read at every start; the upgrades themselves run once per database.
        var done = await db.SiteSettings.AsNoTracking().Where(s => s.Key == AirDatesDone || s.Key == MilestonesDone).Select(s => s.Key).ToListAsync(cancellationToken);
        if (!done.Contains(AirDatesDone))
        {
            var filled = await FillAirDatesAsync(folder, cancellationToken);
            await MarkAsync(AirDatesDone, cancellationToken);
            logger.LogWarning("Filled the air dates of {Count} episodes from {Folder}/{File}, once, as revisions by {Author}", filled, folder, SeedCatalogue.EpisodesFile, EntryWriter.ImportAuthor);
        }

        if (!done.Contains(MilestonesDone))
        {
            var (set, skipped) = await SetMilestonesAsync(folder, cancellationToken);
            await MarkAsync(MilestonesDone, cancellationToken);
            logger.LogWarning("Set {Count} milestones from {Folder}/{File}, once, as revisions by {Author}; {Skipped} left out", set, folder, SeedCatalogue.MilestonesFile, EntryWriter.ImportAuthor, skipped);
        }
    }

    private async Task<int> FillAirDatesAsync(string folder, CancellationToken cancellationToken)
    {
        var rows = SeedCatalogue.ReadEpisodes(folder).Where(r => r.AirDate is not null).ToDictionary(r => (r.Season, r.Number));
        var undated = await db.Episodes.AsNoTracking()
            .Where(e => e.AirDate == null)
            .Select(e => new { e.Id, e.Title, e.Slug, Season = e.Season.Number, e.NumberInSeason, e.Revision, e.Deleted, Aliases = e.Aliases.Select(a => a.Title).ToList() })
            .ToListAsync(cancellationToken);
        var filled = 0;
        foreach (var e in undated)
        {
            // Only the same episode: its place and one of its names must match the row's.
            if (!rows.TryGetValue((e.Season, e.NumberInSeason), out var row)
                || !new[] { row.Title }.Concat(row.Aliases).Select(Slug.From).Intersect(new[] { e.Title }.Concat(e.Aliases).Select(Slug.From)).Any())
            {
                continue;
            }

            var fields = new EpisodeSnapshot(e.Title, e.Slug, e.Season, e.NumberInSeason, row.AirDate, e.Aliases, e.Deleted);
            if (await entries.SaveEpisodeAsync(e.Id, e.Revision, fields, EntryWriter.ImportAuthor, $"Air date from {SeedCatalogue.EpisodesFile}", cancellationToken) is EntrySaveResult.Saved)
            {
                filled++;
            }
        }

        return filled;
    }

    private async Task<(int Set, int Skipped)> SetMilestonesAsync(string folder, CancellationToken cancellationToken)
    {
        var rows = SeedCatalogue.ReadMilestones(folder);
        if (await db.Events.AnyAsync(e => e.Milestone != null, cancellationToken))
        {
            // Editors have set milestones of their own: theirs stand, and nothing is added behind their backs.
            return (0, rows.Count);
        }

        var links = await LinkContext.LoadAsync(db, cancellationToken);
        var (set, skipped) = (0, 0);
        foreach (var row in rows)
        {
            var matches = await db.Events.AsNoTracking()
                .Where(e => e.Relationship.Slug == row.Relationship && e.Season.Number == row.Season && !e.Deleted && e.BodyMarkdown.Contains(row.Quote))
                .OrderBy(e => e.Id)
                .Select(e => new { e.Id, e.Revision, e.BodyMarkdown })
                .Take(2)
                .ToListAsync(cancellationToken);
            var episode = row.Episode is { } title ? links.Resolver.ResolveEpisode(title) : null;
            if (matches.Count != 1 || (row.Episode is not null && episode is null))
            {
                logger.LogWarning("{File}:{Line}: left out the milestone {Label}: no single paragraph of Season {Season} holds \"{Quote}\" any more, or its episode is gone", SeedCatalogue.MilestonesFile, row.Line, row.Label, row.Season, row.Quote);
                skipped++;
                continue;
            }

            var target = matches[0];
            var edit = new EventEdit(target.Id, target.Revision, target.BodyMarkdown, $"Milestone from {SeedCatalogue.MilestonesFile}", null, new EventMilestone(row.Label, row.Status, episode?.Id));
            if (await entries.SaveEventAsync(edit, EntryWriter.ImportAuthor, cancellationToken) is EntrySaveResult.Saved)
            {
                set++;
            }
            else
            {
                skipped++;
            }
        }

        return (set, skipped);
    }

    private async Task MarkAsync(string key, CancellationToken cancellationToken)
    {
        db.SiteSettings.Add(new SiteSetting { Key = key, Value = "upgraded" });
        await db.SaveChangesAsync(cancellationToken);
    }
}
