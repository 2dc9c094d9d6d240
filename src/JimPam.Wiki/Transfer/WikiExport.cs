using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JimPam.Wiki.Data;
using JimPam.Wiki.Media;
using Microsoft.EntityFrameworkCore;
using YamlDotNet.Serialization;

namespace JimPam.Wiki.Transfer;

/// <summary>What an export wrote: how many files and bytes.</summary>
public sealed record ExportReport(string Folder, int Files, long Bytes);

/// <summary>
/// The whole wiki as plain, diff-friendly files: one Markdown file with YAML front matter per entry (seasons,
/// episodes, characters, relationships, each event with its milestone and picture, recurring jokes), the
/// pictures' files, and every revision as JSON Lines. Entries keep their ids (revisions refer to them), so an import can
/// put them back as they were. Everything is written in one order with no time of its own, so two exports of an
/// unchanged wiki are byte for byte the same.
/// </summary>
public sealed class WikiExport(WikiDbContext db, MediaStore media)
{
    public const string RevisionsFile = "revisions.jsonl", PicturesFile = "media/pictures.jsonl", RedirectsFile = "redirects.jsonl";

    private static readonly ISerializer Yaml = new SerializerBuilder().DisableAliases().Build();

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the wiki into <paramref name="folder"/>, which must be new or empty (an export never mixes with other files).</summary>
    public async Task<ExportReport> WriteAsync(string folder, CancellationToken cancellationToken)
    {
        using var target = ExportTarget.Open(folder);
        void Write(string path, byte[] content) => target.Write(path, content);

        void Entry(string path, object frontMatter, string? body) =>
            Write(path, Encoding.UTF8.GetBytes($"---\n{Yaml.Serialize(frontMatter)}---\n{(string.IsNullOrEmpty(body) ? "" : body.ReplaceLineEndings("\n").TrimEnd() + "\n")}"));
        async Task LinesAsync<T>(string path, IAsyncEnumerable<T> rows, Func<T, object> line)
        {
            await using var writer = new StreamWriter(target.PathOf(path), false, new UTF8Encoding(false)) { NewLine = "\n" };
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(line(row), Json));
            }

            await writer.FlushAsync(cancellationToken);
            target.Counted(writer.BaseStream.Length);
        }

        Write(ExportFolder.FormatFile, Encoding.UTF8.GetBytes($"format: {ExportFolder.Format}\n"));
        var seasons = await db.Seasons.AsNoTracking().OrderBy(s => s.Number).ToListAsync(cancellationToken);
        var seasonNumber = seasons.ToDictionary(s => s.Id, s => s.Number);
        foreach (var s in seasons)
        {
            Entry($"seasons/season-{s.Number:00}.md", new Dictionary<string, object?> { ["id"] = s.Id, ["title"] = $"Season {s.Number}", ["number"] = s.Number, ["revision"] = s.Revision }, s.Summary);
        }

        var episodes = await db.Episodes.AsNoTracking().Include(e => e.Aliases).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var episodeSlug = episodes.ToDictionary(e => e.Id, e => e.Slug);
        foreach (var e in episodes)
        {
            Entry($"episodes/{e.Id:0000}-{e.Slug}.md", new Dictionary<string, object?>
            {
                ["id"] = e.Id, ["title"] = e.Title, ["slug"] = e.Slug, ["season"] = seasonNumber[e.SeasonId], ["number"] = e.NumberInSeason,
                ["air_date"] = e.AirDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["aliases"] = e.Aliases.Select(a => a.Title).Order(StringComparer.Ordinal).ToList(), ["revision"] = e.Revision, ["deleted"] = e.Deleted,
            }, null);
        }

        var characters = await db.Characters.AsNoTracking().Include(c => c.Aliases).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var characterSlug = characters.ToDictionary(c => c.Id, c => c.Slug);
        foreach (var c in characters)
        {
            Entry($"characters/{c.Id:0000}-{c.Slug}.md", new Dictionary<string, object?>
            {
                ["id"] = c.Id, ["name"] = c.Name, ["slug"] = c.Slug, ["full_name"] = c.FullName, ["actor"] = c.Actor,
                ["aliases"] = c.Aliases.Select(a => a.Name).Order(StringComparer.Ordinal).ToList(), ["revision"] = c.Revision, ["deleted"] = c.Deleted,
            }, null);
        }

        var relationships = await db.Relationships.AsNoTracking().Include(r => r.Members).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var relationshipSlug = relationships.ToDictionary(r => r.Id, r => r.Slug);
        foreach (var r in relationships)
        {
            Entry($"relationships/{r.Id:0000}-{r.Slug}.md", new Dictionary<string, object?>
            {
                ["id"] = r.Id, ["title"] = r.Title, ["slug"] = r.Slug, ["status"] = r.Status,
                ["quote"] = new Dictionary<string, object?>
                {
                    ["text"] = r.QuoteText, ["speaker"] = r.QuoteSpeaker,
                    ["speaker_character"] = r.QuoteSpeakerId is { } speaker ? characterSlug[speaker] : null,
                    ["episode"] = r.QuoteEpisodeId is { } quoted ? episodeSlug[quoted] : null,
                },
                ["members"] = r.Members.OrderBy(m => m.Position).Select(m => characterSlug[m.CharacterId]).ToList(),
                ["behind_the_scenes"] = r.BehindTheScenesMarkdown, ["behind_the_scenes_footnote"] = r.BehindTheScenesFootnote, ["revision"] = r.Revision,
            }, r.IntroMarkdown);
        }

        var pictures = await db.Images.AsNoTracking().OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var pictureFile = pictures.ToDictionary(i => i.Id, i => i.Original);
        await foreach (var e in db.Events.AsNoTracking().OrderBy(e => e.RelationshipId).ThenBy(e => e.SeasonId).ThenBy(e => e.Order).ThenBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            Entry($"events/{relationshipSlug[e.RelationshipId]}/season-{seasonNumber[e.SeasonId]:00}/{e.Order:000}-{e.Id:00000}.md", new Dictionary<string, object?>
            {
                ["id"] = e.Id, ["kind"] = e.Kind.ToString().ToLowerInvariant(), ["season"] = seasonNumber[e.SeasonId], ["order"] = e.Order,
                ["image_slot"] = e.ImageSlot,
                ["milestone"] = e.Milestone is null ? null : new Dictionary<string, object?>
                {
                    ["label"] = e.Milestone, ["status"] = e.MilestoneStatus, ["episode"] = e.MilestoneEpisodeId is { } at ? episodeSlug[at] : null,
                },
                ["picture"] = e.ImageId is not { } picture ? null : new Dictionary<string, object?> { ["id"] = picture, ["file"] = pictureFile[picture], ["alt"] = e.ImageAlt, ["credit"] = e.ImageCredit },
                ["revision"] = e.Revision, ["deleted"] = e.Deleted,
            }, e.BodyMarkdown);
        }

        var jokes = await db.Jokes.AsNoTracking().OrderBy(j => j.RelationshipId).ThenBy(j => j.Order).ThenBy(j => j.Id).ToListAsync(cancellationToken);
        foreach (var j in jokes)
        {
            Entry($"jokes/{relationshipSlug[j.RelationshipId]}/{j.Order:00}-{j.Id:0000}.md", new Dictionary<string, object?>
            {
                ["id"] = j.Id, ["order"] = j.Order, ["revision"] = j.Revision, ["deleted"] = j.Deleted,
            }, j.BodyMarkdown);
        }

        await LinesAsync(PicturesFile, pictures.ToAsyncEnumerable(), i => new
        {
            id = i.Id, hash = i.Hash, original = i.Original, width = i.Width, height = i.Height, bytes = i.Length,
            variants = StoredImage.Read(i.VariantsJson).Select(v => new { file = v.Name, width = v.Width, height = v.Height, bytes = v.Length }),
            uploaded_at = i.UploadedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), uploaded_by = i.UploadedBy,
        });
        foreach (var name in pictures.SelectMany(i => StoredImage.Read(i.VariantsJson).Select(v => v.Name).Prepend(i.Original)).Distinct())
        {
            Write($"media/files/{name}", (await media.GetAsync(name, cancellationToken))?.Bytes
                ?? throw new StartupException($"The picture file {name} is missing from the media store; nothing was exported."));
        }

        await LinesAsync(RedirectsFile, db.RetiredSlugs.AsNoTracking().OrderBy(r => r.EntityType).ThenBy(r => r.Slug).AsAsyncEnumerable(),
            r => new { type = r.EntityType, slug = r.Slug, id = r.EntityId });

        // Every revision, oldest first per entry, its snapshot as the JSON object it was saved as.
        await LinesAsync(RevisionsFile, db.Revisions.AsNoTracking().OrderBy(r => r.EntityType).ThenBy(r => r.EntityId).ThenBy(r => r.Number).AsAsyncEnumerable(), r => new
        {
            type = r.EntityType, id = r.EntityId, number = r.Number, author = r.Author,
            saved_at = r.SavedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), summary = r.Summary,
            snapshot = JsonNode.Parse(r.SnapshotJson),
        });

        target.Complete();
        return new ExportReport(target.Root, target.Files, target.Bytes);
    }
}
