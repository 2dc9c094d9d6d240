using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using JimPam.Wiki.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace JimPam.Wiki.Tests.Content;

/// <summary>Saving a body rewrites its citation and mention rows, on a real SQLite file.</summary>
public sealed class CitationRowsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private WikiDbContext NewDb() => _folder.NewMigratedDb();

    [Fact]
    public async Task Saving_a_new_body_replaces_the_rows_that_what_links_here_reads()
    {
        await using (var db = NewDb())
        {
            await new SeedImporter(db, NullLogger<SeedImporter>.Instance).ImportAsync(TestPaths.SeedFolder);
        }

        int eventId;
        await using (var db = NewDb())
        {
            var resolver = await WikiLinkCatalog.LoadAsync(db, CancellationToken.None);
            var mentions = await WikiLinkCatalog.LoadMentionFinderAsync(db, CancellationToken.None);
            var hotGirl = await db.Events.Include(e => e.Citations).Include(e => e.Mentions)
                .SingleAsync(e => e.BodyMarkdown.Contains("[[Hot Girl]]"));
            eventId = hotGirl.Id;

            var links = CitationRows.SetBody(hotGirl, "Karen and Pam meet in [[The Merger]] and again in [[Hot Girl]] and [[Nowhere]].", resolver, mentions);
            await db.SaveChangesAsync();

            Assert.Equal(["Nowhere"], links.BrokenLinks);
        }

        await using (var db = NewDb())
        {
            var episodes = await db.EventCitations.Where(c => c.EventId == eventId).Select(c => c.Episode.Slug).OrderBy(s => s).ToListAsync();
            var characters = await db.EventMentions.Where(m => m.EventId == eventId).Select(m => m.Character.Slug).OrderBy(s => s).ToListAsync();
            Assert.Equal(["hot-girl", "the-merger"], episodes);
            Assert.Equal(["karen-filippelli", "pam-beesly"], characters);
        }
    }

    public void Dispose() => _folder.Dispose();
}
