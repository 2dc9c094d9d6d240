namespace JimPam.Wiki.Data;

/// <summary>
/// An entry with a history: its id, its revision number, and who saved its latest revision and when, which the
/// writer stores on the entry with every revision, so a page's "last edited" line reads two columns.
/// </summary>
public interface IEditedEntry
{
    int Id { get; }

    int Revision { get; }

    /// <summary>The author of the latest revision (null before the first).</summary>
    string? EditedBy { get; set; }

    /// <summary>When the latest revision was saved (null before the first).</summary>
    DateTimeOffset? EditedAt { get; set; }
}
