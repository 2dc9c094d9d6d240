using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Import;

/// <summary>
/// What the seed import writes is what the forms write: every imported part of the story, recurring joke and article,
/// saved again through the writer with its own text (as an editor pressing Save without changing anything), leaves
/// the stored HTML, the citation, mention and link rows and the search index exactly as the import wrote them.
/// </summary>
[Trait("Engine", "Any")]
public sealed class ImportAgreesWithWriterTests : WikiOfItsOwn
{
    [Fact]
    public async Task Saving_every_imported_entry_again_through_the_writer_changes_nothing_it_derives()
    {
        var imported = await DerivedAsync();
        var saves = 0;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var writer = scope.ServiceProvider.GetRequiredService<EntryWriter>();
            var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
            foreach (var e in await db.Events.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.Revision, e.BodyMarkdown }).ToListAsync())
            {
                Assert.IsType<EntrySaveResult.Saved>(await writer.SaveEventAsync(new EventEdit(e.Id, e.Revision, e.BodyMarkdown, "Saved again"), "check", CancellationToken.None));
                saves++;
            }

            foreach (var j in await db.Jokes.AsNoTracking().OrderBy(j => j.Id).Select(j => new { j.Id, j.Revision, j.BodyMarkdown, j.Deleted }).ToListAsync())
            {
                Assert.IsType<EntrySaveResult.Saved>(await writer.SaveJokeAsync(j.Id, j.Revision, new JokeSnapshot(j.BodyMarkdown, j.Deleted), "check", "Saved again", CancellationToken.None));
                saves++;
            }

            foreach (var r in await db.Relationships.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Revision }).ToListAsync())
            {
                var fields = await RevisionLog.SnapshotAsync<RelationshipSnapshot>(db, Revision.RelationshipType, r.Id, r.Revision, CancellationToken.None);
                Assert.IsType<EntrySaveResult.Saved>(await writer.SaveRelationshipAsync(r.Id, r.Revision, fields!, "check", "Saved again", CancellationToken.None));
                saves++;
            }
        }

        var saved = await DerivedAsync();

        Assert.True(saves > 40, $"only {saves} entries were saved again");
        Assert.NotEmpty(imported);
        Assert.Equal(imported, saved);
    }

    /// <summary>Everything the wiki derives from its Markdown, one line per row, in a fixed order.</summary>
    private async Task<List<string>> DerivedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
        var lines = new List<string>();
        lines.AddRange((await db.Events.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.BodyHtml, e.Point, e.MilestonePoint }).ToListAsync())
            .Select(e => $"event {e.Id} at {e.Point}/{e.MilestonePoint}: {e.BodyHtml}"));
        lines.AddRange((await db.EventCitations.AsNoTracking().OrderBy(c => c.EventId).ThenBy(c => c.EpisodeId).Select(c => new { c.EventId, c.EpisodeId }).ToListAsync())
            .Select(c => $"event {c.EventId} cites {c.EpisodeId}"));
        lines.AddRange((await db.EventMentions.AsNoTracking().OrderBy(m => m.EventId).ThenBy(m => m.CharacterId).Select(m => new { m.EventId, m.CharacterId }).ToListAsync())
            .Select(m => $"event {m.EventId} mentions {m.CharacterId}"));
        lines.AddRange((await db.Jokes.AsNoTracking().OrderBy(j => j.Id).Select(j => new { j.Id, j.BodyHtml, j.Point }).ToListAsync())
            .Select(j => $"joke {j.Id} at {j.Point}: {j.BodyHtml}"));
        lines.AddRange((await db.JokeCitations.AsNoTracking().OrderBy(c => c.JokeId).ThenBy(c => c.EpisodeId).Select(c => new { c.JokeId, c.EpisodeId }).ToListAsync())
            .Select(c => $"joke {c.JokeId} cites {c.EpisodeId}"));
        lines.AddRange((await db.Relationships.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.IntroHtml, r.BehindTheScenesHtml, r.QuoteEpisodeId, r.QuoteSpeakerId }).ToListAsync())
            .Select(r => $"relationship {r.Id} quote {r.QuoteEpisodeId}/{r.QuoteSpeakerId}: {r.IntroHtml} | {r.BehindTheScenesHtml}"));
        lines.AddRange((await db.WikiLinks.AsNoTracking().Select(l => new { l.EventId, l.JokeId, l.RelationshipId, l.Field, l.Position, l.Target, l.EpisodeId, l.CharacterId }).ToListAsync())
            .Select(l => $"link {l.EventId}/{l.JokeId}/{l.RelationshipId} {l.Field} {l.Position}: {l.Target} -> {l.EpisodeId}/{l.CharacterId}").Order(StringComparer.Ordinal));
        lines.AddRange((await db.Database.SqlQueryRaw<string>("SELECT title || ' | ' || body || ' | ' || names AS \"Value\" FROM \"SearchIndex\"").ToListAsync())
            .Select(row => $"search {row}").Order(StringComparer.Ordinal));
        return lines;
    }
}
