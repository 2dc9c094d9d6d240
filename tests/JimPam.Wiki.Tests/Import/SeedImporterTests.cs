using System.Text;
using JimPam.Wiki.Data;
using JimPam.Wiki.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace JimPam.Wiki.Tests.Import;

/// <summary>The importer against a real, migrated SQLite file.</summary>
public sealed class SeedImporterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private WikiDbContext NewDb() => _folder.NewMigratedDb();

    private async Task<ImportSummary> ImportAsync(string seedFolder)
    {
        await using var db = NewDb();
        return await new SeedImporter(db, NullLogger<SeedImporter>.Instance).ImportAsync(seedFolder);
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

        Assert.Equal(new ImportSummary(Seasons: 9, Episodes: 186, Characters: 24, Events: 52, Citations: 65, Jokes: 1), summary);
        await using var db = NewDb();
        var relationship = await db.Relationships.Include(r => r.Members).ThenInclude(m => m.Character).SingleAsync();
        Assert.Equal("Jim and Pam", relationship.Title);
        Assert.Equal("Married", relationship.Status);
        Assert.Equal(["Jim Halpert", "Pam Beesly"], relationship.Members.OrderBy(m => m.Position).Select(m => m.Character.Name));
        Assert.Equal(["John Krasinski", "Jenna Fischer"], relationship.Members.OrderBy(m => m.Position).Select(m => m.Character.Actor));
        Assert.Equal("stress-relief", (await db.Episodes.SingleAsync(e => e.Id == relationship.QuoteEpisodeId)).Slug);
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
    public async Task A_file_that_is_not_utf8_is_reported_as_unreadable()
    {
        using var seed = TempFolder.WithSeedCopy();
        await File.WriteAllBytesAsync(Path.Combine(seed.Path, "jim-and-pam.article.txt"), [0x53, 0x65, 0xff, 0xfe, 0x0a]);

        var error = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(seed.Path));

        Assert.Equal("jim-and-pam.article.txt", error.File);
        Assert.Contains("cannot be read", error.Message, StringComparison.Ordinal);
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
            "slug,title,members,article\njim-and-pam,Jim and Pam,Jim Halpert|Pam Halpert,jim-and-pam.article.txt\n",
            Encoding.UTF8);

        var error = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(seed.Path));

        Assert.Equal("relationships.csv:2: the member \"Pam Halpert\" is not in characters.csv", error.Message);
        await AssertNothingWrittenAsync();
    }

    public void Dispose() => _folder.Dispose();
}
