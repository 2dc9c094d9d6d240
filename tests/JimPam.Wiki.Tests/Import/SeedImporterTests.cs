using System.Text;
using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using JimPam.Wiki.Import;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Tests.Import;

/// <summary>The importer against a real, migrated SQLite file.</summary>
public sealed class SeedImporterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private WikiDbContext NewDb() => _folder.NewMigratedDb();

    private async Task<ImportSummary> ImportAsync(string seedFolder)
    {
        await using var db = NewDb();
        return await TestLinks.Importer(db).ImportAsync(seedFolder);
    }

    private async Task AssertNothingWrittenAsync()
    {
        await using var db = NewDb();
        Assert.Equal(0, await db.Seasons.CountAsync());
        Assert.Equal(0, await db.Episodes.CountAsync());
        Assert.Equal(0, await db.Characters.CountAsync());
        Assert.Equal(0, await db.Relationships.CountAsync());
    }

    [Fact]
    public async Task Imports_the_whole_seed_folder()
    {
        var summary = await ImportAsync(TestPaths.SeedFolder);

        Assert.Equal(new ImportSummary(Seasons: 9, Episodes: 186, Characters: 24, Events: 52, Citations: 65, Jokes: 1, Milestones: 17), summary);
        await using var db = NewDb();
        var relationship = await db.Relationships.Include(r => r.Members).ThenInclude(m => m.Character).SingleAsync();
        Assert.Equal("Jim and Pam", relationship.Title);
        Assert.Equal("Married", relationship.Status);
        Assert.Equal(["Jim Halpert", "Pam Beesly"], relationship.Members.OrderBy(m => m.Position).Select(m => m.Character.Name));
        Assert.Equal(["John Krasinski", "Jenna Fischer"], relationship.Members.OrderBy(m => m.Position).Select(m => m.Character.Actor));
        Assert.Equal("stress-relief", (await db.Episodes.SingleAsync(e => e.Id == relationship.QuoteEpisodeId)).Slug);
    }

    [Fact]
    public async Task Every_imported_entry_starts_its_history_with_revision_one()
    {
        await ImportAsync(TestPaths.SeedFolder);

        await using var db = NewDb();
        Assert.All(await db.Events.ToListAsync(), e => Assert.Equal(1, e.Revision));
        Assert.All(await db.Episodes.ToListAsync(), e => Assert.Equal(1, e.Revision));
        Assert.All(await db.Characters.ToListAsync(), c => Assert.Equal(1, c.Revision));
        var revisions = await db.Revisions.ToListAsync();
        Assert.Equal(await db.Events.CountAsync(), revisions.Count(r => r.EntityType == Revision.EventType));
        Assert.Equal(await db.Episodes.CountAsync(), revisions.Count(r => r.EntityType == Revision.EpisodeType));
        Assert.Equal(await db.Characters.CountAsync(), revisions.Count(r => r.EntityType == Revision.CharacterType));
        Assert.Equal(await db.Seasons.CountAsync(), revisions.Count(r => r.EntityType == Revision.SeasonType));
        Assert.Equal(await db.Jokes.CountAsync(), revisions.Count(r => r.EntityType == Revision.JokeType));
        Assert.Single(revisions, r => r.EntityType == Revision.RelationshipType);
        Assert.All(revisions, r => Assert.Equal((1, "import", "Imported from the source article"), (r.Number, r.Author, r.Summary)));
        var pilot = await db.Episodes.SingleAsync(e => e.Slug == "pilot");
        var snapshot = System.Text.Json.JsonSerializer.Deserialize<EpisodeSnapshot>(revisions.Single(r => r.EntityType == Revision.EpisodeType && r.EntityId == pilot.Id).SnapshotJson)!;
        Assert.Equal(("Pilot", "pilot", 1, 1), (snapshot.Title, snapshot.Slug, snapshot.Season, snapshot.NumberInSeason));
    }

    [Fact]
    public async Task Every_episode_has_an_air_date_and_the_dates_rise_with_broadcast_order()
    {
        await ImportAsync(TestPaths.SeedFolder);

        await using var db = NewDb();
        var episodes = await db.Episodes.OrderBy(e => e.Season.Number).ThenBy(e => e.NumberInSeason)
            .Select(e => new { e.Title, Season = e.Season.Number, e.NumberInSeason, e.AirDate })
            .ToListAsync();
        Assert.Equal(186, episodes.Count);
        Assert.All(episodes, e => Assert.NotNull(e.AirDate));
        foreach (var (earlier, later) in episodes.Zip(episodes.Skip(1)))
        {
            // Two episodes may share a night (a one-hour broadcast of two episodes), but a later one never airs first.
            Assert.True(later.AirDate >= earlier.AirDate, $"{later.Title} (S{later.Season}E{later.NumberInSeason}, {later.AirDate}) airs before {earlier.Title} ({earlier.AirDate})");
        }

        Assert.Equal(new DateOnly(2005, 3, 24), episodes[0].AirDate);
        Assert.Equal(("Finale", new DateOnly(2013, 5, 16)), (episodes[^1].Title, episodes[^1].AirDate!.Value));
        var byTitle = episodes.ToDictionary(e => e.Title);
        Assert.Equal(new DateOnly(2009, 10, 8), byTitle["Niagara"].AirDate);
        Assert.Equal(new DateOnly(2010, 3, 4), byTitle["The Delivery"].AirDate);
        Assert.Equal(new DateOnly(2009, 2, 12), byTitle["Lecture Circuit (Part 2)"].AirDate);
    }

    [Fact]
    public async Task A_citation_outside_its_season_keeps_the_episode_s_real_season()
    {
        await ImportAsync(TestPaths.SeedFolder);

        await using var db = NewDb();
        var dundies = await db.Episodes.Include(e => e.Season).SingleAsync(e => e.Slug == "the-dundies");
        Assert.Equal(2, dundies.Season.Number);
        var citingSeasons = await db.EventCitations.Where(c => c.EpisodeId == dundies.Id).Select(c => c.Event.Season.Number).OrderBy(n => n).ToListAsync();
        Assert.Equal([2, 9], citingSeasons);
    }

    [Fact]
    public async Task Stores_episode_aliases_and_character_mentions_as_rows()
    {
        await ImportAsync(TestPaths.SeedFolder);

        await using var db = NewDb();
        var treble = await db.Episodes.Include(e => e.Aliases).SingleAsync(e => e.Slug == "here-comes-treble");
        Assert.Contains(treble.Aliases, a => a.Title == "Here Comes Treble (episode)");
        var karen = await db.Characters.SingleAsync(c => c.Slug == "karen-filippelli");
        var seasons = await db.EventMentions.Where(m => m.CharacterId == karen.Id).Select(m => m.Event.Season.Number).Distinct().ToListAsync();
        Assert.Equal([3], seasons);
    }

    [Fact]
    public async Task An_unknown_citation_reports_file_and_line_and_writes_nothing()
    {
        using var seed = TempFolder.WithSeedCopy();
        var article = Path.Combine(seed.Path, "jim-and-pam.article.txt");
        var text = await File.ReadAllTextAsync(article);
        await File.WriteAllTextAsync(article, text.Replace("(\"Hot Girl\")", "(\"Hot Gril\")", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(seed.Path));

        Assert.Equal("jim-and-pam.article.txt", error.File);
        Assert.Equal(21, error.Line);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task A_bad_catalogue_row_reports_file_and_line_and_writes_nothing()
    {
        using var seed = TempFolder.WithSeedCopy();
        var catalogue = Path.Combine(seed.Path, "episodes.csv");
        var lines = (await File.ReadAllLinesAsync(catalogue)).ToList();
        lines[4] = "one,5,Basketball,,";
        await File.WriteAllLinesAsync(catalogue, lines);

        var error = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(seed.Path));

        Assert.Equal("episodes.csv:5: the column 'season' must be a positive whole number, not 'one'", error.Message);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Milestones_sit_on_the_events_that_tell_them_with_their_episode_and_status()
    {
        await ImportAsync(TestPaths.SeedFolder);

        await using var db = NewDb();
        var milestones = await db.Events.Where(e => e.Milestone != null)
            .OrderBy(e => e.Season.Number).ThenBy(e => e.Order)
            .Select(e => new { e.Milestone, e.MilestoneStatus, Episode = e.MilestoneEpisode == null ? null : e.MilestoneEpisode.Title, e.BodyMarkdown, Cited = e.Citations.Select(c => c.EpisodeId).ToList(), e.MilestoneEpisodeId })
            .ToListAsync();
        Assert.Equal(17, milestones.Count);
        Assert.Equal(["Friends", "Dating", "Engaged", "Married"], milestones.Where(m => m.MilestoneStatus != null).Select(m => m.MilestoneStatus));
        var kiss = milestones.Single(m => m.Milestone == "First on-camera kiss");
        Assert.Equal("The Dundies", kiss.Episode);
        Assert.Contains("first on-camera kiss", kiss.BodyMarkdown, StringComparison.Ordinal);
        // Each milestone's episode is one its own text cites; the one the article gives no episode for has none.
        Assert.All(milestones.Where(m => m.MilestoneEpisodeId is not null), m => Assert.Contains(m.MilestoneEpisodeId!.Value, m.Cited));
        Assert.Null(milestones.Single(m => m.Milestone == "Phillip is born").Episode);
    }

    [Theory]
    [InlineData("jim-and-pam,2,words the article never uses,The Dundies,First kiss,", "milestones.csv:2: no paragraph or caption of Season 2 in jim-and-pam.article.txt contains \"words the article never uses\"")]
    [InlineData("jim-and-pam,2,share their first on-camera kiss,Casino Night,First kiss,", "milestones.csv:2: the text at jim-and-pam.article.txt line 27 does not cite \"Casino Night\", so it cannot be where the milestone happens")]
    [InlineData("jim-and-pam,2,share their first on-camera kiss,The Dundys,First kiss,", "milestones.csv:2: no episode in episodes.csv is called \"The Dundys\"")]
    [InlineData("jim-and-pam,2,Jim,The Dundies,First kiss,", "milestones.csv:2: 6 paragraphs of Season 2 contain \"Jim\" (jim-and-pam.article.txt lines 25, 27, 29, 33, 35, 37); quote more of the one meant")]
    [InlineData("dwight-and-angela,2,share their first on-camera kiss,The Dundies,First kiss,", "milestones.csv:2: no relationship in relationships.csv has the address \"dwight-and-angela\"")]
    [InlineData("jim-and-pam,2,share their first on-camera kiss,The Dundies,,", "milestones.csv:2: the column 'label' is empty")]
    public async Task A_milestone_the_article_does_not_support_is_refused_at_its_line_and_nothing_is_written(string row, string expected)
    {
        using var seed = TempFolder.WithSeedCopy();
        var file = Path.Combine(seed.Path, "milestones.csv");
        var lines = (await File.ReadAllLinesAsync(file)).ToList();
        lines.Insert(1, row);
        await File.WriteAllLinesAsync(file, lines);

        var error = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(seed.Path));

        Assert.Equal(expected, error.Message);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Two_episodes_with_the_same_address_are_reported_with_both_lines()
    {
        using var seed = TempFolder.WithSeedCopy();
        var catalogue = Path.Combine(seed.Path, "episodes.csv");
        await File.AppendAllTextAsync(catalogue, "9,24,The Dundies!,,\n");

        var error = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(seed.Path));

        Assert.Equal("episodes.csv:188: \"The Dundies!\" has the same address /episodes/the-dundies as line 8", error.Message);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_reported_at_the_line_and_column_of_the_bad_byte()
    {
        using var seed = TempFolder.WithSeedCopy();
        var article = Path.Combine(seed.Path, "jim-and-pam.article.txt");
        var text = await File.ReadAllTextAsync(article);
        var at = text.IndexOf("Beesly, Stress Relief", StringComparison.Ordinal);
        // A Latin-1 byte on line 3 ("—Pam Beesly, Stress Relief"), after "—Pam " (five characters).
        await File.WriteAllBytesAsync(article, [.. Encoding.UTF8.GetBytes(text[..at]), 0xE9, .. Encoding.UTF8.GetBytes(text[at..])]);

        var error = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(seed.Path));

        Assert.Equal("jim-and-pam.article.txt:3:6: this is not UTF-8 (byte 0xE9); save the file as UTF-8", error.Message);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task A_bad_csv_quote_is_reported_at_the_line_where_its_record_starts()
    {
        using var seed = TempFolder.WithSeedCopy();
        var catalogue = Path.Combine(seed.Path, "episodes.csv");
        var lines = (await File.ReadAllLinesAsync(catalogue)).ToList();
        lines[4] = "1,4,\"The Alliance,,";
        await File.WriteAllLinesAsync(catalogue, lines);

        var error = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(seed.Path));

        Assert.Equal("episodes.csv", error.File);
        Assert.Equal(5, error.Line);
        Assert.Contains("quote", error.Problem, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task An_article_with_a_season_heading_deleted_is_refused_at_the_gap()
    {
        using var seed = TempFolder.WithSeedCopy();
        var article = Path.Combine(seed.Path, "jim-and-pam.article.txt");
        var lines = (await File.ReadAllLinesAsync(article)).ToList();
        lines.Remove("Season 4[]");
        await File.WriteAllLinesAsync(article, lines);

        var error = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(seed.Path));

        Assert.Equal(lines.IndexOf("Season 5[]") + 1, error.Line);
        Assert.Equal("\"Season 5[]\" follows \"Season 3[]\": the heading \"Season 4[]\" is missing", error.Problem);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task An_article_cut_off_in_the_middle_is_refused_and_nothing_is_written()
    {
        using var seed = TempFolder.WithSeedCopy();
        var article = Path.Combine(seed.Path, "jim-and-pam.article.txt");
        var bytes = await File.ReadAllBytesAsync(article);
        // The first 9,000 bytes, backed off to the start of a character so the cut is the only fault.
        var cut = 9000;
        while ((bytes[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        await File.WriteAllBytesAsync(article, bytes[..cut]);

        var error = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(seed.Path));

        Assert.Equal("jim-and-pam.article.txt", error.File);
        var kept = Encoding.UTF8.GetString(bytes[..cut]).Split('\n');
        Assert.Equal(Array.FindLastIndex(kept, line => line.Trim().Length > 0) + 1, error.Line);
        Assert.Contains("is the file cut short?", error.Problem, StringComparison.Ordinal);
        Assert.Contains("\"Season 9[]\" are missing", error.Problem, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task A_missing_file_is_reported_by_name()
    {
        using var seed = TempFolder.WithSeedCopy();
        File.Delete(Path.Combine(seed.Path, "characters.csv"));

        var error = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(seed.Path));

        Assert.Equal("characters.csv", error.File);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task A_failure_late_in_the_import_rolls_back_what_was_already_written()
    {
        // The relationship names a member the character file lacks: caught after the catalogue is read.
        using var seed = TempFolder.WithSeedCopy();
        await File.WriteAllTextAsync(
            Path.Combine(seed.Path, "relationships.csv"),
            "slug,title,members,seasons,article\njim-and-pam,Jim and Pam,Jim Halpert|Pam Halpert,1-9,jim-and-pam.article.txt\n",
            Encoding.UTF8);

        var error = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(seed.Path));

        Assert.Equal("relationships.csv:2: the member \"Pam Halpert\" is not in characters.csv", error.Message);
        await AssertNothingWrittenAsync();
    }

    public void Dispose() => _folder.Dispose();
}
