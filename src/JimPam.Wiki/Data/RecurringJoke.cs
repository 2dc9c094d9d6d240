namespace JimPam.Wiki.Data;

/// <summary>A running gag of a relationship, shown in the season pages' sidebar.</summary>
public class RecurringJoke
{
    public int Id { get; set; }
    public int RelationshipId { get; set; }
    public int Order { get; set; }

    /// <summary>Markdown with wiki links.</summary>
    public string BodyMarkdown { get; set; } = "";

    /// <summary>The body rendered and sanitised when it was saved (null: not rendered yet).</summary>
    public string? BodyHtml { get; set; }

    public List<WikiLink> Links { get; set; } = [];

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
