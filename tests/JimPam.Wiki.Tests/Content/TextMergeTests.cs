using JimPam.Wiki.Content;

namespace JimPam.Wiki.Tests.Content;

public class TextMergeTests
{
    private const string Base = "Jim sells paper.\n\nPam answers phones.\n\nDwight sells beets.\n\nMichael runs the office.";

    [Fact]
    public void Edits_to_different_paragraphs_merge_and_keep_both()
    {
        var theirs = Base.Replace("Jim sells paper.", "Jim sells a lot of paper.", StringComparison.Ordinal);
        var yours = Base.Replace("Dwight sells beets.", "Dwight grows beets.", StringComparison.Ordinal);

        Assert.Equal(
            "Jim sells a lot of paper.\n\nPam answers phones.\n\nDwight grows beets.\n\nMichael runs the office.",
            TextMerge.Merge(Base, theirs, yours));
    }

    [Fact]
    public void Interleaved_edits_to_alternate_paragraphs_keep_all_four_changes()
    {
        // The case DiffPlex's three-way merge is reported to get wrong: the result must hold every change of both sides.
        var theirs = "JIM sells paper.\n\nPam answers phones.\n\nDWIGHT sells beets.\n\nMichael runs the office.";
        var yours = "Jim sells paper.\n\nPAM answers phones.\n\nDwight sells beets.\n\nMICHAEL runs the office.";

        var merged = TextMerge.Merge(Base, theirs, yours);

        Assert.Equal("JIM sells paper.\n\nPAM answers phones.\n\nDWIGHT sells beets.\n\nMICHAEL runs the office.", merged);
    }

    [Theory]
    [InlineData("Jim sells much paper.", "Jim sells no paper.")]
    [InlineData("Jim sells paper.\nAnd staples.", "Jim sells paper.\nAnd pens.")]
    public void Different_edits_to_the_same_paragraph_are_a_conflict(string theirsFirst, string yoursFirst)
    {
        var theirs = Base.Replace("Jim sells paper.", theirsFirst, StringComparison.Ordinal);
        var yours = Base.Replace("Jim sells paper.", yoursFirst, StringComparison.Ordinal);

        Assert.Null(TextMerge.Merge(Base, theirs, yours));
    }

    [Fact]
    public void Edits_to_neighbouring_lines_are_a_conflict_rather_than_a_guess()
    {
        const string lines = "one\ntwo\nthree";

        Assert.Null(TextMerge.Merge(lines, "ONE\ntwo\nthree", "one\nTWO\nthree"));
    }

    [Fact]
    public void Two_insertions_at_the_same_place_are_a_conflict()
    {
        var theirs = Base + "\n\nToby is sad.";
        var yours = Base + "\n\nKevin brings chili.";

        Assert.Null(TextMerge.Merge(Base, theirs, yours));
    }

    [Fact]
    public void The_same_edit_on_both_sides_is_kept_once_and_an_unchanged_side_takes_the_other()
    {
        var changed = Base.Replace("Pam", "Pamela", StringComparison.Ordinal);

        Assert.Equal(changed, TextMerge.Merge(Base, changed, changed));
        Assert.Equal(changed, TextMerge.Merge(Base, Base, changed));
        Assert.Equal(changed, TextMerge.Merge(Base, changed, Base));
    }

    [Fact]
    public void A_deletion_on_one_side_merges_with_an_edit_elsewhere_on_the_other()
    {
        var theirs = "Jim sells paper.\n\nDwight sells beets.\n\nMichael runs the office.";
        var yours = Base.Replace("Michael runs the office.", "Michael runs the branch.", StringComparison.Ordinal);

        Assert.Equal("Jim sells paper.\n\nDwight sells beets.\n\nMichael runs the branch.", TextMerge.Merge(Base, theirs, yours));
    }
}
