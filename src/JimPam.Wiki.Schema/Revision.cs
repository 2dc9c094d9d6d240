namespace JimPam.Wiki.Data;

/// <summary>
/// One saved version of an entry: a full snapshot of its fields (JSON), who saved it, when, and why. Numbered
/// from 1 per entry; the seed import writes revision 1 of everything it imports.
/// </summary>
public class Revision
{
    public const string EventType = "event";
    public const string EpisodeType = "episode";
    public const string CharacterType = "character";
    public const string RelationshipType = "relationship";
    public const string SeasonType = "season";
    public const string JokeType = "joke";

    public int Id { get; set; }

    /// <summary>The kind of entry ("event"), with <see cref="EntityId"/> naming which one.</summary>
    public string EntityType { get; set; } = "";

    public int EntityId { get; set; }

    public int Number { get; set; }

    public string SnapshotJson { get; set; } = "";

    public string Author { get; set; } = "";

    public DateTimeOffset SavedAt { get; set; }

    public string Summary { get; set; } = "";
}
