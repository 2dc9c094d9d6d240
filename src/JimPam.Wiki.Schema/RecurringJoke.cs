namespace JimPam.Wiki.Data;

/// <summary>A running gag of a relationship, shown in the season pages' sidebar.</summary>
public class RecurringJoke : IEditedEntry
{
    public int Id { get; set; }
    public int RelationshipId { get; set; }
    public int Order { get; set; }

    /// <summary>Markdown with wiki links.</summary>
    public string BodyMarkdown { get; set; } = "";

    /// <summary>The body rendered and sanitised when it was saved (null: not rendered yet).</summary>
    public string? BodyHtml { get; set; }

    public List<WikiLink> Links { get; set; } = [];

    /// <summary>The number of the latest revision; a concurrency token, so a stale form cannot overwrite a newer save.</summary>
    public int Revision { get; set; }

    /// <summary>Who saved the latest revision (stored by the writer with each revision).</summary>
    public string? EditedBy { get; set; }

    /// <summary>When the latest revision was saved.</summary>
    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>Deleted by an editor: hidden from readers, kept with its history so it can be restored.</summary>
    public bool Deleted { get; set; }

    /// <summary>
    /// The latest episode the joke cites, as an ordinal of its point (season × 10,000 + episode): a reader must have
    /// watched it for the joke to be no spoiler. Kept by the story's placement after every write; 0 when it cites none.
    /// </summary>
    public int Point { get; set; }

    public List<JokeCitation> Citations { get; set; } = [];
}

/// <summary>An episode a recurring joke cites.</summary>
public class JokeCitation
{
    public int JokeId { get; set; }
    public RecurringJoke Joke { get; set; } = null!;
    public int EpisodeId { get; set; }
    public Episode Episode { get; set; } = null!;
}
