using DiffPlex;
using DiffPlex.Chunkers;

namespace JimPam.Wiki.Content;

/// <summary>
/// Merges two edits of the same text made from a common base, line by line (a Markdown paragraph is a line), as
/// MediaWiki does: edits to different paragraphs merge; edits to the same or neighbouring paragraphs do not.
/// </summary>
/// <remarks>
/// DiffPlex's <see cref="ThreeWayDiffer"/> does the merge, but it is reported to mishandle interleaved edits, so its
/// result is only accepted when it equals the merge worked out independently from the two plain two-way diffs
/// (base to theirs, base to yours), applied together when they touch separate lines. Anything else is a conflict:
/// a doubtful merge is never saved.
/// </remarks>
public static class TextMerge
{
    private static readonly LineChunker Lines = new();

    /// <summary>The merged text, or null when the two edits cannot be merged with certainty.</summary>
    public static string? Merge(string baseText, string theirs, string yours)
    {
        if (theirs == yours || baseText == yours)
        {
            return theirs;
        }

        if (baseText == theirs)
        {
            return yours;
        }

        var expected = ApplyBoth(baseText, theirs, yours);
        if (expected is null)
        {
            return null;
        }

        var merge = ThreeWayDiffer.Instance.CreateMerge(baseText, theirs, yours, ignoreWhiteSpace: false, ignoreCase: false, Lines);
        if (!merge.IsSuccessful)
        {
            return null;
        }

        var merged = string.Join("\n", merge.MergedPieces);
        return merged == expected ? merged : null;
    }

    // Both sides' changes as hunks on the base; null when a hunk of one side overlaps or touches a hunk of the other.
    private static string? ApplyBoth(string baseText, string theirs, string yours)
    {
        var toTheirs = Differ.Instance.CreateDiffs(baseText, theirs, false, false, Lines);
        var toYours = Differ.Instance.CreateDiffs(baseText, yours, false, false, Lines);
        var hunks = toTheirs.DiffBlocks.Select(b => (Block: b, Pieces: toTheirs.PiecesNew))
            .Concat(toYours.DiffBlocks.Select(b => (Block: b, Pieces: toYours.PiecesNew)))
            .OrderBy(h => h.Block.DeleteStartA)
            .ToList();
        for (var i = 1; i < hunks.Count; i++)
        {
            var previous = hunks[i - 1].Block;
            if (hunks[i].Block.DeleteStartA <= previous.DeleteStartA + previous.DeleteCountA)
            {
                return null;
            }
        }

        var basePieces = toTheirs.PiecesOld;
        var result = new List<string>();
        var at = 0;
        foreach (var (block, pieces) in hunks)
        {
            result.AddRange(basePieces.Skip(at).Take(block.DeleteStartA - at));
            result.AddRange(pieces.Skip(block.InsertStartB).Take(block.InsertCountB));
            at = block.DeleteStartA + block.DeleteCountA;
        }

        result.AddRange(basePieces.Skip(at));
        return string.Join("\n", result);
    }
}
