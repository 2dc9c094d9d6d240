using System.Text.Json;
using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;
using JimPam.Wiki.Pages.History;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Admin;

/// <summary>What the entry forms share: splitting their name lists, and showing a conflict.</summary>
public static class EntryForms
{
    /// <summary>The non-empty lines of a textarea.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>Every relationship of the wiki, first first: the choice of whose story a new part or joke joins.</summary>
    public static async Task<IReadOnlyList<(int Id, string Title)>> RelationshipsAsync(WikiDbContext db, CancellationToken cancellationToken) =>
        [.. (await db.Relationships.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Title }).ToListAsync(cancellationToken)).Select(r => (r.Id, r.Title))];

    /// <summary>Who saved the current revision, and how the editor's values differ from it, field by field.</summary>
    public static async Task<EntryConflict> ConflictAsync<TSnapshot>(
        WikiDbContext db, string type, int id, EntrySaveResult.Conflict conflict, TSnapshot yours, CancellationToken cancellationToken)
        where TSnapshot : class
    {
        var current = await RevisionLog.SnapshotAsync<TSnapshot>(db, type, id, conflict.CurrentRevision, cancellationToken);
        var changes = current is null ? [] : EntryHistory.Compare(JsonSerializer.Serialize(current), JsonSerializer.Serialize(yours));
        return new EntryConflict(conflict.CurrentRevision, conflict.CurrentAuthor, changes);
    }
}

/// <summary>
/// A save refused because someone saved first and changed the same fields (for a part of the story, the same
/// paragraph): who saved the current revision, how the editor's values differ from it, field by field, and, for an
/// entry that is one text, that text as readers see it now. Every entry form shows it with <c>_Conflict</c>.
/// </summary>
public sealed record EntryConflict(int Revision, string? Author, IReadOnlyList<EntryHistory.FieldDiff> Changes, string What = "entry", bool Deleted = false, CurrentText? Current = null);

/// <summary>The current text of an entry that is one text: rendered, and as Markdown.</summary>
public sealed record CurrentText(IHtmlContent Rendered, string Markdown);
