namespace JimPam.Wiki.Data;

/// <summary>
/// One [[wiki link]] in a stored body, broken ones included (MediaWiki keeps the same table), so red links can be
/// listed and fixed, and a page's links read in text order without parsing Markdown. The body it sits in is named by
/// exactly one of <see cref="EventId"/>, <see cref="JokeId"/> and <see cref="RelationshipId"/> (with <see cref="Field"/>).
/// </summary>
public class WikiLink
{
    public const string BodyField = "body";
    public const string IntroField = "intro";
    public const string BehindTheScenesField = "behind-the-scenes";

    public int Id { get; set; }

    public int? EventId { get; set; }

    public int? JokeId { get; set; }

    public int? RelationshipId { get; set; }

    /// <summary>Which Markdown field of its entry holds the link: "body", or a relationship's "intro" or "behind-the-scenes".</summary>
    public string Field { get; set; } = BodyField;

    /// <summary>Its place among the links of that field, from 0.</summary>
    public int Position { get; set; }

    /// <summary>The title as written between the brackets.</summary>
    public string Target { get; set; } = "";

    public int? EpisodeId { get; set; }

    public Episode? Episode { get; set; }

    public int? CharacterId { get; set; }

    public Character? Character { get; set; }
}
