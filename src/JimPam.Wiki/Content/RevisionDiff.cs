using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace JimPam.Wiki.Content;

/// <summary>How a stretch of text changed between two revisions.</summary>
public enum DiffChange
{
    Unchanged,
    Deleted,
    Inserted,
}

/// <summary>One stretch of a diff: words that stayed, went or came.</summary>
public sealed record DiffSegment(DiffChange Change, string Text);

/// <summary>
/// Compares two versions of a body word by word (DiffPlex), since a paragraph is one long line and a line diff
/// would mark all of it. Runs of the same kind are joined, so a page shows few, readable marks.
/// </summary>
public static class RevisionDiff
{
    public static IReadOnlyList<DiffSegment> Words(string before, string after)
    {
        var model = InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false, ignoreCase: false, chunker: new WordChunker());
        var segments = new List<DiffSegment>();
        foreach (var piece in model.Lines)
        {
            var change = piece.Type switch
            {
                ChangeType.Deleted => DiffChange.Deleted,
                ChangeType.Inserted => DiffChange.Inserted,
                _ => DiffChange.Unchanged,
            };
            if (segments.Count > 0 && segments[^1].Change == change)
            {
                segments[^1] = segments[^1] with { Text = segments[^1].Text + piece.Text };
            }
            else
            {
                segments.Add(new DiffSegment(change, piece.Text));
            }
        }

        return segments;
    }
}
