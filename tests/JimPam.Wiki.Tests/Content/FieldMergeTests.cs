using JimPam.Wiki.Content;
using JimPam.Wiki.Entries;

namespace JimPam.Wiki.Tests.Content;

public class FieldMergeTests
{
    private static readonly CharacterSnapshot Base = new("Pam Beesly", "pam-beesly", "Pamela Morgan Beesly", "Jenna Fischer", ["Pam"]);

    [Fact]
    public void Fields_changed_on_one_side_each_are_merged()
    {
        var theirs = Base with { Actor = "Jenna Fischer (all nine seasons)" };
        var yours = Base with { Aliases = ["Pam", "Pammy"] };

        var merged = FieldMerge.Merge(Base, theirs, yours)!;

        Assert.Equal("Jenna Fischer (all nine seasons)", merged.Actor);
        Assert.Equal(["Pam", "Pammy"], merged.Aliases);
        Assert.Equal("Pam Beesly", merged.Name);
    }

    [Fact]
    public void One_field_changed_differently_on_both_sides_is_a_conflict()
    {
        Assert.Null(FieldMerge.Merge(Base, Base with { FullName = "Pam Halpert" }, Base with { FullName = "Pamela Halpert" }));
    }

    [Fact]
    public void A_text_field_both_sides_changed_in_different_paragraphs_keeps_both_changes()
    {
        var baseline = new RelationshipSnapshot("Jim and Pam", "Married", "", "", null, "One.\n\nTwo.\n\nThree.", "", ["Jim Halpert"]);

        var merged = FieldMerge.Merge(baseline, baseline with { Intro = "ONE.\n\nTwo.\n\nThree." }, baseline with { Intro = "One.\n\nTwo.\n\nTHREE." });

        Assert.Equal("ONE.\n\nTwo.\n\nTHREE.", merged!.Intro);
    }

    [Fact]
    public void A_field_cleared_on_one_side_stays_cleared()
    {
        var merged = FieldMerge.Merge(Base, Base with { FullName = null }, Base with { Actor = "J. Fischer" })!;

        Assert.Null(merged.FullName);
        Assert.Equal("J. Fischer", merged.Actor);
    }
}
