using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Entries;

/// <summary>
/// Episodes and characters, the catalogue that wiki links resolve against. A renamed slug is kept as a retired address
/// (answered with a permanent redirect) and a renamed title as an alias (so old wiki links still resolve); clashing
/// titles and addresses are refused; and every body is rendered again, so a new name turns broken links into working
/// ones and a removed name the reverse.
/// </summary>
public sealed partial class EntryWriter
{
    public Task<EntrySaveResult> SaveEpisodeAsync(int? id, int baseRevision, EpisodeSnapshot fields, string author, string summary, CancellationToken cancellationToken) =>
        WriteAsync(Revision.EpisodeType, id, baseRevision, author, summary.Trim(), true, _ => Task.FromResult<EpisodeSnapshot?>(Tidy(fields)), ApplyEpisodeAsync, cancellationToken);

    /// <summary>Deletes an episode softly: it leaves the lists, links to it turn into broken links, and its history restores it.</summary>
    public Task<EntrySaveResult> DeleteEpisodeAsync(int id, int baseRevision, string author, string summary, CancellationToken cancellationToken) =>
        WriteAsync(Revision.EpisodeType, id, baseRevision, author, summary.Trim(), false,
            async ct => await db.Episodes.AsNoTracking().Include(e => e.Aliases).Include(e => e.Season).FirstOrDefaultAsync(e => e.Id == id, ct) is { } e ? Of(e, e.Season.Number) with { Deleted = true } : null,
            ApplyEpisodeAsync, cancellationToken);

    /// <summary>Deletes a character softly: it leaves the lists, links and mentions of it end, and its history restores it.</summary>
    public Task<EntrySaveResult> DeleteCharacterAsync(int id, int baseRevision, string author, string summary, CancellationToken cancellationToken) =>
        WriteAsync(Revision.CharacterType, id, baseRevision, author, summary.Trim(), false,
            async ct => await db.Characters.AsNoTracking().Include(c => c.Aliases).FirstOrDefaultAsync(c => c.Id == id, ct) is { } c ? Of(c) with { Deleted = true } : null,
            ApplyCharacterAsync, cancellationToken);

    public Task<EntrySaveResult> SaveCharacterAsync(int? id, int baseRevision, CharacterSnapshot fields, string author, string summary, CancellationToken cancellationToken) =>
        WriteAsync(Revision.CharacterType, id, baseRevision, author, summary.Trim(), true, _ => Task.FromResult<CharacterSnapshot?>(Tidy(fields)), ApplyCharacterAsync, cancellationToken);

    /// <summary>Revision 1 of an episode imported before revisions were kept: its state as the import left it.</summary>
    private static Revision ImportRevision(Episode imported, int season, DateTimeOffset at)
    {
        imported.Revision = 1;
        return RevisionLog.Entry(Revision.EpisodeType, imported.Id, 1, Of(imported, season), ImportAuthor, ImportSummary, at);
    }

    /// <summary>Revision 1 of a character imported before revisions were kept.</summary>
    private static Revision ImportRevision(Character imported, DateTimeOffset at)
    {
        imported.Revision = 1;
        return RevisionLog.Entry(Revision.CharacterType, imported.Id, 1, Of(imported), ImportAuthor, ImportSummary, at);
    }

    private static EpisodeSnapshot Of(Episode e, int season) =>
        new(e.Title, e.Slug, season, e.NumberInSeason, e.AirDate, [.. e.Aliases.Select(a => a.Title).Order(StringComparer.Ordinal)], e.Deleted);

    private static CharacterSnapshot Of(Character c) =>
        new(c.Name, c.Slug, c.FullName, c.Actor, [.. c.Aliases.Select(a => a.Name).Order(StringComparer.Ordinal)], c.Deleted);

    private static EpisodeSnapshot Tidy(EpisodeSnapshot f) => f with
    {
        Title = f.Title.Trim(),
        Slug = Slug.From(f.Slug.Length == 0 ? f.Title : f.Slug),
        Aliases = Names(f.Aliases, f.Title),
    };

    private static CharacterSnapshot Tidy(CharacterSnapshot f) => f with
    {
        Name = f.Name.Trim(),
        Slug = Slug.From(f.Slug.Length == 0 ? f.Name : f.Slug),
        FullName = Blank(f.FullName),
        Actor = Blank(f.Actor),
        Aliases = Names(f.Aliases, f.Name),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static List<string> Names(IEnumerable<string> names, string except) =>
        [.. names.Select(n => n.Trim()).Where(n => n.Length > 0 && n != except.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private async Task<Applied> ApplyEpisodeAsync(int? id, EpisodeSnapshot f, CancellationToken cancellationToken)
    {
        var season = await db.Seasons.FirstOrDefaultAsync(s => s.Number == f.Season, cancellationToken);
        if (season is null)
        {
            return Applied.Refused(nameof(EpisodeSnapshot.Season), $"There is no Season {f.Season}.");
        }

        if (await db.Episodes.AnyAsync(e => e.Id != id && e.SeasonId == season.Id && e.NumberInSeason == f.NumberInSeason, cancellationToken))
        {
            return Applied.Refused(nameof(EpisodeSnapshot.NumberInSeason), $"Season {f.Season} already has an episode {f.NumberInSeason}.");
        }

        var target = id is null ? new Episode { Id = NewId() } : await db.Episodes.Include(e => e.Aliases).Include(e => e.Season).SingleAsync(e => e.Id == id, cancellationToken);
        if (target.Revision == 0 && id is not null)
        {
            // Imported before revisions were kept: its current state becomes revision 1, so the history starts where it did.
            db.Revisions.Add(ImportRevision(target, target.Season.Number, clock.GetUtcNow()));
        }

        var aliases = f.Aliases.ToList();
        if (id is not null && target.Title != f.Title && !aliases.Contains(target.Title))
        {
            // Renaming keeps the old title as an alias, so [[Old Title]] links keep resolving.
            aliases.Add(target.Title);
        }

        if (!f.Deleted && await ClashAsync(Revision.EpisodeType, id, f.Title, aliases, f.Slug, cancellationToken) is { } clash)
        {
            return clash;
        }

        // Links render from titles, aliases, addresses and whether the episode exists: only a change to those re-renders every body.
        var linksChange = id is null || target.Title != f.Title || target.Slug != f.Slug || target.Deleted != f.Deleted
            || !target.Aliases.Select(a => a.Title).Order(StringComparer.Ordinal).SequenceEqual(aliases.Order(StringComparer.Ordinal));
        await RetireSlugAsync(Revision.EpisodeType, id, target.Slug, f.Slug, cancellationToken);
        (target.Title, target.Slug, target.Season, target.NumberInSeason, target.AirDate, target.Deleted) = (f.Title, f.Slug, season, f.NumberInSeason, f.AirDate, f.Deleted);
        target.Aliases.RemoveAll(a => !aliases.Contains(a.Title));
        target.Aliases.AddRange(aliases.Where(a => target.Aliases.All(x => x.Title != a)).Select(a => new EpisodeAlias { Title = a }));
        target.Revision++;
        if (id is null)
        {
            db.Episodes.Add(target);
        }

        return new Applied(() => target.Id, () => target.Slug, target.Revision, () => Of(target, f.Season), null, RenderAll: linksChange);
    }

    private async Task<Applied> ApplyCharacterAsync(int? id, CharacterSnapshot f, CancellationToken cancellationToken)
    {
        var target = id is null ? new Character { Id = NewId() } : await db.Characters.Include(c => c.Aliases).SingleAsync(c => c.Id == id, cancellationToken);
        if (target.Revision == 0 && id is not null)
        {
            db.Revisions.Add(ImportRevision(target, clock.GetUtcNow()));
        }

        var aliases = f.Aliases.ToList();
        if (id is not null && target.Name != f.Name && !aliases.Contains(target.Name))
        {
            aliases.Add(target.Name);
        }

        if (f.Deleted && id is not null && await db.Relationships.AnyAsync(r => r.Members.Any(m => m.CharacterId == id), cancellationToken))
        {
            return Applied.Refused(nameof(CharacterSnapshot.Name), $"{target.Name} is a member of a relationship; take them out of its members first.");
        }

        if (!f.Deleted && await ClashAsync(Revision.CharacterType, id, f.Name, aliases, f.Slug, cancellationToken) is { } clash)
        {
            return clash;
        }

        await RetireSlugAsync(Revision.CharacterType, id, target.Slug, f.Slug, cancellationToken);
        (target.Name, target.Slug, target.FullName, target.Actor, target.Deleted) = (f.Name, f.Slug, f.FullName, f.Actor, f.Deleted);
        target.Aliases.RemoveAll(a => !aliases.Contains(a.Name));
        target.Aliases.AddRange(aliases.Where(a => target.Aliases.All(x => x.Name != a)).Select(a => new CharacterAlias { Name = a }));
        target.Revision++;
        if (id is null)
        {
            db.Characters.Add(target);
        }

        return new Applied(() => target.Id, () => target.Slug, target.Revision, () => Of(target), null, RenderAll: true);
    }

    // A wiki link must name one entry: a title or alias that another episode or character already answers to is refused.
    private async Task<Applied?> ClashAsync(string type, int? id, string title, IReadOnlyList<string> aliases, string slug, CancellationToken cancellationToken)
    {
        if (slug.Length == 0)
        {
            return Applied.Refused(nameof(EpisodeSnapshot.Slug), "The address needs at least one letter or digit.");
        }

        var slugTaken = type == Revision.EpisodeType
            ? await db.Episodes.AnyAsync(e => e.Id != id && e.Slug == slug, cancellationToken)
            : await db.Characters.AnyAsync(c => c.Id != id && c.Slug == slug, cancellationToken);
        if (slugTaken)
        {
            return Applied.Refused(nameof(EpisodeSnapshot.Slug), $"Another {type} already has the address “{slug}”.");
        }

        var resolver = await LinkContext.LoadResolverAsync(db, cancellationToken);
        var ownKind = type == Revision.EpisodeType ? WikiLinkKind.Episode : WikiLinkKind.Character;
        foreach (var name in aliases.Prepend(title))
        {
            if (resolver.Resolve(name) is { } other && (other.Kind != ownKind || other.Id != id))
            {
                var field = name == title ? (type == Revision.EpisodeType ? nameof(EpisodeSnapshot.Title) : nameof(CharacterSnapshot.Name)) : nameof(EpisodeSnapshot.Aliases);
                return Applied.Refused(field, $"“{name}” already names the {(other.Kind == WikiLinkKind.Episode ? "episode" : "character")} “{other.Title}”; wiki links must name one entry.");
            }
        }

        return null;
    }

    private async Task RetireSlugAsync(string type, int? id, string oldSlug, string newSlug, CancellationToken cancellationToken)
    {
        // The new address may have been another entry's old one; it now belongs to this entry.
        db.RetiredSlugs.RemoveRange(await db.RetiredSlugs.Where(r => r.EntityType == type && r.Slug == newSlug).ToListAsync(cancellationToken));
        if (id is { } entryId && oldSlug != newSlug)
        {
            db.RetiredSlugs.Add(new RetiredSlug { EntityType = type, Slug = oldSlug, EntityId = entryId });
        }
    }
}
