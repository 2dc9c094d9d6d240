namespace JimPam.Wiki.Data;

/// <summary>
/// An address an episode or character used to have. Renaming a slug keeps the old address working: a request
/// for it is answered with a permanent redirect to the entry's current address.
/// </summary>
public class RetiredSlug
{
    public int Id { get; set; }

    /// <summary>The kind of entry, as in <see cref="Revision.EntityType"/>: "episode" or "character".</summary>
    public string EntityType { get; set; } = "";

    public string Slug { get; set; } = "";

    public int EntityId { get; set; }
}
