using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using JimPam.Wiki.Import;
using JimPam.Wiki.Media;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Transfer;

/// <summary>What an import wrote.</summary>
public sealed record ImportReport(string Folder, int Entries, int Revisions, int Pictures);

/// <summary>
/// Brings an export (<see cref="WikiExport"/>) back into an empty database. The folder is read and checked whole first
/// (<see cref="ExportFolder"/>); then every entry is written through <see cref="EntryWriter"/>, as the forms write it
/// (stored HTML, link rows, the search index, the story's places), keeping its id, in one transaction; last, the
/// history is the export's own revisions, verbatim. A refusal names the file and line, and leaves the database empty.
/// Exporting the result gives the same files again.
/// </summary>
public sealed class WikiImport(WikiDbContext db, EntryWriter writer, DerivedData derived, MediaStore media)
{
    private const string Summary = "Imported from an export";

    public Task<ImportReport> ImportAsync(string folder, CancellationToken cancellationToken) =>
        ImportAsync(ExportFolder.Read(folder), cancellationToken);

    /// <param name="read">The folder, read and checked (<see cref="ExportFolder.Read"/>).</param>
    public async Task<ImportReport> ImportAsync(ExportFolder read, CancellationToken cancellationToken)
    {
        return await writer.BatchAsync(
            async ct =>
            {
                // Checked again under the writer's turn, so two imports at once cannot both fill the database.
                if (await db.Seasons.AnyAsync(ct) || await db.Images.AnyAsync(ct))
                {
                    throw new StartupException("The database already holds a wiki; import into a new, empty database.");
                }

                var entries = await WriteEntriesAsync(read, ct);
                await writer.RestoreHistoryAsync(
                    // In the order they were saved, which recent changes lists them in (the export sorts them by entry).
                    [.. read.Revisions.OrderBy(r => r.SavedAt).Select((r, i) => new Revision
                    {
                        Id = i + 1, EntityType = r.Type, EntityId = r.Id, Number = r.Number, Author = r.Author, SavedAt = r.SavedAt, Summary = r.Summary,
                        // As the wiki writes a snapshot (its own escaping), whatever the export's was.
                        SnapshotJson = JsonSerializer.Serialize(JsonNode.Parse(r.SnapshotJson)),
                    })],
                    ExportFolder.RevisionType.SelectMany(kind => read.Of(kind.Key).Select(e => (Key: (kind.Value, e.Number("id")), Revision: e.Number("revision"))))
                        .ToDictionary(e => e.Key, e => e.Revision),
                    read.Of("events").Where(e => e.Flag("deleted")).Select(e => e.Number("id")).ToHashSet(),
                    [.. read.Redirects.Select(r => new RetiredSlug { EntityType = r.Type, Slug = r.Slug, EntityId = r.Id })],
                    ct);
                // Every entry reached the writer's handlers before the commit: all derived data is current.
                await derived.MarkAllAsync(db, ct);
                db.SiteSettings.AddRange(SeedUpgrade.Marks());

                return new ImportReport(read.Root, entries, read.Revisions.Count, read.Pictures.Count);
            },
            deferRendering: true,
            cancellationToken);
    }

    /// <summary>The front matter's field that a refusal of the writer's is about (<paramref name="otherwise"/> when none is).</summary>
    private static string KeyOf(string field, string otherwise) => field switch
    {
        _ when field.StartsWith("Milestone", StringComparison.Ordinal) => "milestone",
        _ when field.StartsWith("Image", StringComparison.Ordinal) => "picture",
        nameof(EpisodeSnapshot.Slug) => "slug",
        nameof(EpisodeSnapshot.Aliases) => "aliases",
        nameof(EpisodeSnapshot.NumberInSeason) => "number",
        nameof(EpisodeSnapshot.Season) => "season",
        nameof(RelationshipSnapshot.Members) => "members",
        nameof(RelationshipSnapshot.QuoteEpisode) or nameof(RelationshipSnapshot.QuoteText) or nameof(RelationshipSnapshot.QuoteSpeaker) => "quote",
        nameof(RelationshipSnapshot.BehindTheScenes) => "behind_the_scenes",
        nameof(RelationshipSnapshot.Footnote) => "behind_the_scenes_footnote",
        nameof(RelationshipSnapshot.Status) => "status",
        nameof(CharacterSnapshot.FullName) => "full_name",
        nameof(CharacterSnapshot.Actor) => "actor",
        nameof(EventDraft.ImageSlot) => "image_slot",
        _ => otherwise,
    };

    /// <summary>The catalogue, the pictures, the relationships, then each relationship's events and jokes, each entry with its own id; the count.</summary>
    private async Task<int> WriteEntriesAsync(ExportFolder read, CancellationToken cancellationToken)
    {
        var count = 0;
        async Task WriteAsync(ExportedEntry entry, string key, Func<CancellationToken, Task<EntrySaveResult>> write)
        {
            writer.KeepIdOfNext(entry.Number("id"));
            switch (await write(cancellationToken))
            {
                case EntrySaveResult.Saved saved when saved.Id == entry.Number("id"):
                    count++;
                    break;
                case EntrySaveResult.Invalid invalid:
                    // The text below the front matter: a part's or joke's body, an intro, a season's summary.
                    var line = invalid.Field is "Body" or nameof(RelationshipSnapshot.Intro) or nameof(SeasonSnapshot.Summary) ? entry.BodyLine : entry.LineOf(KeyOf(invalid.Field, key));
                    throw new ImportException(entry.File, line, invalid.Message);
                case var other:
                    throw new ImportException(entry.File, entry.LineOf("id"), $"the wiki could not write this entry with its id ({other.GetType().Name})");
            }
        }

        static IEnumerable<ExportedEntry> ById(IEnumerable<ExportedEntry> entries) => entries.OrderBy(e => e.Number("id"));

        foreach (var s in ById(read.Of("seasons")))
        {
            await WriteAsync(s, "number", ct => writer.CreateSeasonAsync(s.Number("number"), new SeasonSnapshot(s.Body), EntryWriter.ImportAuthor, Summary, ct));
        }

        foreach (var e in ById(read.Of("episodes")))
        {
            var airDate = e.Text("air_date") is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
            var fields = new EpisodeSnapshot(e.Required("title"), e.Required("slug"), e.Number("season"), e.Number("number"), airDate, e.List("aliases"), e.Flag("deleted"));
            await WriteAsync(e, "title", ct => writer.SaveEpisodeAsync(null, 0, fields, EntryWriter.ImportAuthor, Summary, ct));
        }

        foreach (var c in ById(read.Of("characters")))
        {
            var fields = new CharacterSnapshot(c.Required("name"), c.Required("slug"), c.Text("full_name"), c.Text("actor"), c.List("aliases"), c.Flag("deleted"));
            await WriteAsync(c, "name", ct => writer.SaveCharacterAsync(null, 0, fields, EntryWriter.ImportAuthor, Summary, ct));
        }

        foreach (var p in read.Pictures.OrderBy(p => p.Id))
        {
            var files = new List<MediaFile>();
            foreach (var (name, width, height) in p.Variants.Select(v => (v.Name, v.Width, v.Height)).Prepend((p.Original, p.Width, p.Height)).DistinctBy(f => f.Item1))
            {
                files.Add(new MediaFile(name, MediaStore.ContentTypeOf(name), width, height, await ExportFiles.ReadBytesAsync(read.Root, $"media/files/{name}", cancellationToken)));
            }

            await writer.RestoreImageAsync(
                new StoredImage
                {
                    Id = p.Id, Hash = p.Hash, Original = p.Original, Width = p.Width, Height = p.Height, Length = p.Bytes,
                    VariantsJson = StoredImage.Write(p.Variants), UploadedAt = p.UploadedAt, UploadedBy = p.UploadedBy,
                },
                ct => media.PutAsync(files, ct),
                cancellationToken);
        }

        var relationships = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in ById(read.Of("relationships")))
        {
            var quote = r.Map("quote");
            var fields = new RelationshipSnapshot(
                r.Required("title"), r.Text("status") ?? "", ExportedEntry.Text(quote, "text") ?? "", ExportedEntry.Text(quote, "speaker") ?? "",
                ExportedEntry.Text(quote, "episode") is { } episode ? read.Episodes[episode].Required("title") : null,
                r.Body, r.Text("behind_the_scenes") ?? "", [.. r.List("members").Select(m => read.Characters[m].Required("name"))], r.Text("behind_the_scenes_footnote"));
            await WriteAsync(r, "title", ct => writer.CreateRelationshipAsync(fields, r.Required("slug"), EntryWriter.ImportAuthor, Summary, ct));
            relationships[r.Required("slug")] = r.Number("id");
        }

        // Each season's parts in their order (the files' names sort so), each joining the end of its season.
        foreach (var part in read.Of("events").OrderBy(p => relationships[p.Relationship]).ThenBy(p => p.Number("season")).ThenBy(p => p.Number("order")).ThenBy(p => p.Number("id")))
        {
            var (milestone, picture) = (part.Map("milestone"), part.Map("picture"));
            var draft = new EventDraft(
                new EventPlace(part.Number("season"), part.Number("order")),
                part.Required("kind") == "figure" ? EventKind.Figure : EventKind.Paragraph,
                part.Text("image_slot"),
                part.Body,
                Summary,
                new EventMilestone(ExportedEntry.Text(milestone, "label"), ExportedEntry.Text(milestone, "status"),
                    ExportedEntry.Text(milestone, "episode") is { } at ? read.Episodes[at].Number("id") : null),
                relationships[part.Relationship],
                picture is null ? null : new FigureImage(int.Parse(ExportedEntry.Text(picture, "id")!, CultureInfo.InvariantCulture), ExportedEntry.Text(picture, "alt"), ExportedEntry.Text(picture, "credit")));
            await WriteAsync(part, "kind", ct => writer.CreateEventAsync(draft, EntryWriter.ImportAuthor, ct));
        }

        foreach (var joke in read.Of("jokes").OrderBy(j => relationships[j.Relationship]).ThenBy(j => j.Number("order")).ThenBy(j => j.Number("id")))
        {
            await WriteAsync(joke, "order", ct => writer.SaveJokeAsync(null, 0, new JokeSnapshot(joke.Body, joke.Flag("deleted"), RelationshipId: relationships[joke.Relationship]), EntryWriter.ImportAuthor, Summary, ct));
        }

        return count;
    }
}
