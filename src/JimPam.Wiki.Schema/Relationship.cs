namespace JimPam.Wiki.Data;

/// <summary>A relationship article: the page a reader lands on, with its seasons of events.</summary>
public class Relationship : IEditedEntry
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Status { get; set; } = "";
    public string QuoteText { get; set; } = "";
    public string QuoteSpeaker { get; set; } = "";
    public int? QuoteSpeakerId { get; set; }
    public Character? QuoteSpeakerCharacter { get; set; }
    public int? QuoteEpisodeId { get; set; }
    public Episode? QuoteEpisode { get; set; }

    /// <summary>Markdown with wiki links.</summary>
    public string IntroMarkdown { get; set; } = "";

    /// <summary>Markdown with wiki links.</summary>
    public string BehindTheScenesMarkdown { get; set; } = "";

    /// <summary>The intro rendered and sanitised when it was saved (null: not rendered yet).</summary>
    public string? IntroHtml { get; set; }

    /// <summary>The behind-the-scenes text rendered and sanitised when it was saved (null: not rendered yet).</summary>
    public string? BehindTheScenesHtml { get; set; }

    public List<WikiLink> Links { get; set; } = [];

    /// <summary>The number of the latest revision; a concurrency token, so a stale form cannot overwrite a newer save.</summary>
    public int Revision { get; set; }

    /// <summary>Who saved the latest revision (stored by the writer with each revision).</summary>
    public string? EditedBy { get; set; }

    /// <summary>When the latest revision was saved.</summary>
    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>The footnote marker the source puts after the behind-the-scenes text, such as "1".</summary>
    public string? BehindTheScenesFootnote { get; set; }

    public List<RelationshipMember> Members { get; set; } = [];
    public List<RelationshipEvent> Events { get; set; } = [];
    public List<RecurringJoke> Jokes { get; set; } = [];
}

/// <summary>A character who is part of a relationship, in the order the article names them.</summary>
public class RelationshipMember
{
    public int RelationshipId { get; set; }
    public int CharacterId { get; set; }
    public Character Character { get; set; } = null!;
    public int Position { get; set; }
}
