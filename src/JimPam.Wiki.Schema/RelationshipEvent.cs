namespace JimPam.Wiki.Data;

public enum EventKind
{
    /// <summary>A narrative paragraph of the article.</summary>
    Paragraph = 0,

    /// <summary>An image slot of the source, with the caption that goes with it (either may be missing).</summary>
    Figure = 1,
}

/// <summary>One paragraph or figure of a relationship's season narrative.</summary>
public class RelationshipEvent : IEditedEntry
{
    public const int MilestoneMaxLength = 80;
    public const int StatusMaxLength = 40;

    public int Id { get; set; }
    public int RelationshipId { get; set; }
    public Relationship Relationship { get; set; } = null!;
    public int SeasonId { get; set; }
    public Season Season { get; set; } = null!;
    public int Order { get; set; }
    public EventKind Kind { get; set; }

    /// <summary>The source's image placeholder name ("Jimpam s3"), for figures.</summary>
    public string? ImageSlot { get; set; }

    /// <summary>Markdown with wiki links: the paragraph, or the figure's caption.</summary>
    public string BodyMarkdown { get; set; } = "";

    /// <summary>The body rendered and sanitised when it was saved, so reading a page never runs Markdig (null: not rendered yet).</summary>
    public string? BodyHtml { get; set; }

    /// <summary>
    /// The number of the latest revision (0: saved before revisions were kept). A concurrency token: a save
    /// that started from an older number is refused by the database itself.
    /// </summary>
    public int Revision { get; set; }

    /// <summary>Who saved the latest revision (stored by the writer with each revision).</summary>
    public string? EditedBy { get; set; }

    /// <summary>When the latest revision was saved.</summary>
    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>Deleted by an editor: hidden from readers, kept with its history so it can be restored.</summary>
    public bool Deleted { get; set; }

    /// <summary>A milestone this event tells, as a short label ("First kiss", "Engaged"); null when it tells none.</summary>
    public string? Milestone { get; set; }

    /// <summary>The status the relationship has from this milestone on ("Dating", "Married"); null when it keeps the one it had.</summary>
    public string? MilestoneStatus { get; set; }

    /// <summary>The episode the milestone happens in; null when the text does not say.</summary>
    public int? MilestoneEpisodeId { get; set; }

    public Episode? MilestoneEpisode { get; set; }

    /// <summary>
    /// The episode a reader must have watched for this part to be no spoiler, as an ordinal of its point (season ×
    /// 10,000 + episode), worked out by the story's chronology after every write that can move it; 0 until placed.
    /// </summary>
    public int Point { get; set; }

    /// <summary>The ordinal of the point the milestone happens at (its episode's, else the event's); null without one.</summary>
    public int? MilestonePoint { get; set; }

    /// <summary>The picture a figure shows; null while its slot is a placeholder.</summary>
    public int? ImageId { get; set; }

    public StoredImage? Image { get; set; }

    /// <summary>What is in the picture, for readers who cannot see it; set whenever <see cref="ImageId"/> is.</summary>
    public string? ImageAlt { get; set; }

    /// <summary>Who made the picture, or where it comes from.</summary>
    public string? ImageCredit { get; set; }

    public List<EventCitation> Citations { get; set; } = [];
    public List<EventMention> Mentions { get; set; } = [];
    public List<WikiLink> Links { get; set; } = [];
}

/// <summary>An episode that an event cites, kept as a row so an episode page can list what links to it.</summary>
public class EventCitation
{
    public int EventId { get; set; }
    public RelationshipEvent Event { get; set; } = null!;
    public int EpisodeId { get; set; }
    public Episode Episode { get; set; } = null!;
}

/// <summary>A character an event names.</summary>
public class EventMention
{
    public int EventId { get; set; }
    public RelationshipEvent Event { get; set; } = null!;
    public int CharacterId { get; set; }
    public Character Character { get; set; } = null!;
}
