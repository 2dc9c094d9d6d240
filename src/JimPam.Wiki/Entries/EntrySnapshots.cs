namespace JimPam.Wiki.Entries;

/// <summary>An episode's fields as an editor sets them and a revision keeps them.</summary>
public sealed record EpisodeSnapshot(string Title, string Slug, int Season, int NumberInSeason, DateOnly? AirDate, IReadOnlyList<string> Aliases, bool Deleted = false);

/// <summary>A character's fields as an editor sets them and a revision keeps them.</summary>
public sealed record CharacterSnapshot(string Name, string Slug, string? FullName, string? Actor, IReadOnlyList<string> Aliases, bool Deleted = false);

/// <summary>
/// A relationship article's own fields (its events and jokes keep their own histories). <paramref name="Footnote"/> is
/// the source's footnote marker shown after the behind-the-scenes note ("1" for "[1]"), or none.
/// </summary>
public sealed record RelationshipSnapshot(
    string Title,
    string Status,
    string QuoteText,
    string QuoteSpeaker,
    string? QuoteEpisode,
    string Intro,
    string BehindTheScenes,
    IReadOnlyList<string> Members,
    string? Footnote = null);

/// <summary>A season's summary line.</summary>
public sealed record SeasonSnapshot(string Summary);

/// <summary>
/// A recurring joke, and its place in the list (1 is first; null keeps the place it has). <paramref name="RelationshipId"/>
/// says whose list a new joke joins (null: the first relationship's); a joke never moves to another list, so revisions leave it out.
/// </summary>
public sealed record JokeSnapshot(string Body, bool Deleted = false, int? Position = null, int? RelationshipId = null);
