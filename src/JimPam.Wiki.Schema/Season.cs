namespace JimPam.Wiki.Data;

/// <summary>A season of the show. The summary is the relationship article's own first sentence for that season.</summary>
public class Season : IEditedEntry
{
    public int Id { get; set; }
    public int Number { get; set; }
    public string Summary { get; set; } = "";
    public List<Episode> Episodes { get; set; } = [];

    /// <summary>The number of the latest revision; a concurrency token, so a stale form cannot overwrite a newer save.</summary>
    public int Revision { get; set; }

    /// <summary>Who saved the latest revision (stored by the writer with each revision).</summary>
    public string? EditedBy { get; set; }

    /// <summary>When the latest revision was saved.</summary>
    public DateTimeOffset? EditedAt { get; set; }
}
