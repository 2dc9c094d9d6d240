using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Tests.Entries;

/// <summary>Saving a body stores its HTML and rewrites its citation, mention and link rows, on a real SQLite file.</summary>
public sealed class StoredBodiesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private WikiDbContext NewDb() => _folder.NewMigratedDb();

    [Fact]
    public async Task Saving_a_new_body_replaces_the_rows_that_what_links_here_reads()
    {
        await using (var db = NewDb())
        {
            await TestLinks.Importer(db).ImportAsync(TestPaths.SeedFolder);
        }

        int eventId;
        await using (var db = NewDb())
        {
            var links = await LinkContext.LoadAsync(db, CancellationToken.None);
            var hotGirl = await db.Events.Include(e => e.Citations).Include(e => e.Mentions).Include(e => e.Links)
                .SingleAsync(e => e.BodyMarkdown.Contains("[[Hot Girl]]"));
            eventId = hotGirl.Id;

            const string body = "Karen and Pam meet in [[The Merger]] and again in [[Hot Girl]] and [[Nowhere]].";
            var rendered = TestLinks.Bodies.Set(hotGirl, body, links);
            Assert.Equal(["Nowhere"], rendered.Analysis.BrokenLinks);

            // Saved as every body is, by the writer (which sets it the same way, and alone may save it).
            var revision = (await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId)).Revision;
            db.ChangeTracker.Clear();
            Assert.IsType<EntrySaveResult.Saved>(await TestLinks.Writer(db).SaveEventAsync(new EventEdit(eventId, revision, body, ""), "test", CancellationToken.None));
        }

        await using (var db = NewDb())
        {
            var episodes = await db.EventCitations.Where(c => c.EventId == eventId).Select(c => c.Episode.Slug).OrderBy(s => s).ToListAsync();
            var characters = await db.EventMentions.Where(m => m.EventId == eventId).Select(m => m.Character.Slug).OrderBy(s => s).ToListAsync();
            Assert.Equal(["hot-girl", "the-merger"], episodes);
            Assert.Equal(["karen-filippelli", "pam-beesly"], characters);
            var rows = await db.WikiLinks.Where(l => l.EventId == eventId).OrderBy(l => l.Position).Select(l => new { l.Target, Slug = l.Episode == null ? null : l.Episode.Slug }).ToListAsync();
            Assert.Equal([("The Merger", "the-merger"), ("Hot Girl", "hot-girl"), ("Nowhere", null)], rows.Select(r => (r.Target, r.Slug)));
            var html = await db.Events.Where(e => e.Id == eventId).Select(e => e.BodyHtml).SingleAsync();
            Assert.Equal("<p>Karen and Pam meet in <a class=\"wikilink citation\" href=\"/episodes/the-merger\">The Merger</a> and again in <a class=\"wikilink citation\" href=\"/episodes/hot-girl\">Hot Girl</a> and <a class=\"wikilink broken\" title=\"No page yet: Nowhere\" href=\"/missing?title=Nowhere\">Nowhere</a>.</p>", html?.Trim());
        }
    }

    public void Dispose() => _folder.Dispose();
}
