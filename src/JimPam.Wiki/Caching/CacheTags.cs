using JimPam.Wiki.Data;

namespace JimPam.Wiki.Caching;

/// <summary>
/// The names of the data a cached page can show. A page tags itself with each piece it shows; a write evicts the
/// tags of every row it added, changed or removed (<see cref="CacheEviction"/>), so exactly the
/// pages that showed that data are rendered again on their next read.
/// </summary>
public static class CacheTags
{
    /// <summary>On every cached page: evicting it empties the whole cache.</summary>
    public const string All = EvictionLog.All;

    /// <summary>Recent changes and its feed.</summary>
    public const string Changes = "changes";

    /// <summary>The counts of events per season.</summary>
    public const string EventCounts = "event-counts";

    /// <summary>The counts of citations per season and per episode.</summary>
    public const string CitationCounts = "citation-counts";

    /// <summary>The counts of mentions per character.</summary>
    public const string MentionCounts = "mention-counts";

    /// <summary>The list of episodes (titles, seasons, numbers).</summary>
    public const string EpisodeList = "episode-list";

    /// <summary>The broadcast order of episodes, which decides each episode's previous and next.</summary>
    public const string EpisodeOrder = "episode-order";

    /// <summary>The list of characters.</summary>
    public const string CharacterList = "character-list";

    /// <summary>Any relationship article's fields (the epigraph's episode, for one).</summary>
    public const string Relationships = "relationships";

    public static string Event(int id) => $"event:{id}";

    /// <summary>A season's own fields (its summary).</summary>
    public static string Season(int id) => $"season:{id}";

    /// <summary>The events of a season, in their order.</summary>
    public static string SeasonStory(int id) => $"season-story:{id}";

    public static string Episode(int id) => $"episode:{id}";

    public static string Character(int id) => $"character:{id}";

    public static string Relationship(int id) => $"relationship:{id}";

    /// <summary>A relationship's story as a whole: which events it has, where they sit, and its milestones.</summary>
    public static string Story(int relationshipId) => $"story:{relationshipId}";

    /// <summary>A relationship's recurring-jokes list, as its sidebar shows it.</summary>
    public static string Jokes(int relationshipId) => $"jokes:{relationshipId}";

    public static string Joke(int id) => $"joke:{id}";
}
