using JimPam.Wiki.Content;
using JimPam.Wiki.Data;

namespace JimPam.Wiki.Entries;

/// <summary>
/// The lengths every entry's fields keep to, and the text none may hold, checked by the writer on every write (a
/// form, an import, the generator, a revert) so that no way in can store what a form could not: the forms' own
/// length checks use the same numbers, and show the same refusal next to the field before the writer is asked.
/// </summary>
public static class EntryRules
{
    /// <summary>A name or title: an episode's title, a character's names, a relationship's title, a speaker, an address.</summary>
    public const int NameLength = 200;

    /// <summary>A list written one item a line: an episode's other titles, a character's other names, a relationship's members.</summary>
    public const int ListLength = 2000;

    /// <summary>A body of text: a part of the story, a relationship's intro and its behind-the-scenes note.</summary>
    public const int TextLength = 20_000;

    /// <summary>A relationship's epigraph, and a season's summary.</summary>
    public const int ShortTextLength = 2000;

    /// <summary>A recurring joke.</summary>
    public const int JokeLength = 4000;

    /// <summary>A relationship's status line.</summary>
    public const int StatusLength = 100;

    /// <summary>The footnote marker after the behind-the-scenes note.</summary>
    public const int FootnoteLength = 20;

    /// <summary>An edit's summary.</summary>
    public const int SummaryLength = 500;

    /// <summary>The first field of an entry's snapshot that breaks a rule, as the writer's refusal; else null.</summary>
    public static EntrySaveResult.Invalid? Check(object fields, string summary) => (fields switch
    {
        EpisodeSnapshot e => First(
            (nameof(e.Title), e.Title, NameLength), (nameof(e.Slug), e.Slug, NameLength), (nameof(e.Aliases), Lines(e.Aliases), ListLength)),
        CharacterSnapshot c => First(
            (nameof(c.Name), c.Name, NameLength), (nameof(c.Slug), c.Slug, NameLength), (nameof(c.FullName), c.FullName, NameLength),
            (nameof(c.Actor), c.Actor, NameLength), (nameof(c.Aliases), Lines(c.Aliases), ListLength)),
        RelationshipSnapshot r => First(
            (nameof(r.Title), r.Title, NameLength), (nameof(r.Status), r.Status, StatusLength), (nameof(r.QuoteText), r.QuoteText, ShortTextLength),
            (nameof(r.QuoteSpeaker), r.QuoteSpeaker, NameLength), (nameof(r.QuoteEpisode), r.QuoteEpisode, NameLength), (nameof(r.Intro), r.Intro, TextLength),
            (nameof(r.BehindTheScenes), r.BehindTheScenes, TextLength), (nameof(r.Members), Lines(r.Members), ListLength), (nameof(r.Footnote), r.Footnote, FootnoteLength)),
        SeasonSnapshot s => First((nameof(s.Summary), s.Summary, ShortTextLength)),
        JokeSnapshot j => First((nameof(j.Body), j.Body, JokeLength)),
        EventDraft d => First(
            ("Body", d.BodyMarkdown, TextLength), (nameof(d.ImageSlot), d.ImageSlot, NameLength),
            ("Milestone.Label", d.Milestone?.Label, RelationshipEvent.MilestoneMaxLength), ("Milestone.Status", d.Milestone?.Status, RelationshipEvent.StatusMaxLength),
            ("Milestone.Episode", d.Milestone?.Episode, NameLength)),
        EventEdit edit => First(
            ("Body", edit.BodyMarkdown, TextLength),
            ("Milestone.Label", edit.Milestone?.Label, RelationshipEvent.MilestoneMaxLength), ("Milestone.Status", edit.Milestone?.Status, RelationshipEvent.StatusMaxLength),
            ("Milestone.Episode", edit.Milestone?.Episode, NameLength)),
        _ => null,
    }) ?? First(("Summary", summary, SummaryLength));

    /// <summary>What the writer answers for a field over its length.</summary>
    public static string TooLong(int length) => $"This is too long: at most {length:N0} characters.";

    /// <summary>What the writer answers for a field that holds text no form can send.</summary>
    public const string Unsendable = "This holds a NUL character or half of a surrogate pair, which the wiki cannot store.";

    private static string Lines(IReadOnlyList<string> items) => string.Join('\n', items);

    private static EntrySaveResult.Invalid? First(params (string Field, string? Value, int Length)[] checks)
    {
        foreach (var (field, value, length) in checks)
        {
            if (value is null)
            {
                continue;
            }

            if (UnicodeText.UnsendableAt(value) >= 0)
            {
                return new EntrySaveResult.Invalid(field, Unsendable);
            }

            if (value.Length > length)
            {
                return new EntrySaveResult.Invalid(field, TooLong(length));
            }
        }

        return null;
    }
}
