namespace JimPam.Wiki.Data;

/// <summary>What the search finds; the number is part of the index's row ids, so never renumber.</summary>
public enum SearchKind
{
    Event = 1,
    Joke = 2,
    Episode = 3,
    Character = 4,
    Relationship = 5,
}
