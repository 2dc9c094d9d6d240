using JimPam.Wiki.Data;
using JimPam.Wiki.Entries;

namespace JimPam.Wiki.Caching;

/// <summary>
/// Keeps the page cache in step with the database: the last handler of every write (<see cref="IAfterWrite"/>),
/// whatever made it (a form, a revert, a restore, a catalogue change, the renders those set off, the places those
/// moved). It names the data each changed row is part of (<see cref="CacheTags"/>), from the row's values before and
/// after; once the transaction commits it evicts those tags, and with them exactly the cached pages that showed that
/// data, and writes them to the <see cref="EvictionLog"/> for the other instances on the database. A rolled-back
/// write evicts nothing.
/// </summary>
public sealed class CacheEviction(PageCache cache, EvictionLog log, TimeProvider clock, ILogger<CacheEviction> logger) : IAfterWrite
{
    public AfterWriteStage Stage => AfterWriteStage.Cache;

    // Nothing before the commit: a page evicted then could be cached again from the old rows.
    public Task WrittenAsync(WikiDbContext db, List<RowChange> changes, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CommittedAsync(IReadOnlyList<RowChange> changes, CancellationToken cancellationToken) =>
        EvictAsync([.. changes.SelectMany(TagsOf).Distinct()], cancellationToken);

    /// <summary>The tags of the data one changed row is part of, before and after the change.</summary>
    public static IEnumerable<string> TagsOf(RowChange change)
    {
        int Was(string property) => change.Was<int>(property);
        int Is(string property) => change.Is<int>(property);
        int? IsOrNull(string property) => change.Is<int?>(property);

        switch (change.Entity.Name)
        {
            case nameof(RelationshipEvent):
                yield return CacheTags.Event(change.Id!.Value);
                yield return CacheTags.SeasonStory(Was(nameof(RelationshipEvent.SeasonId)));
                yield return CacheTags.SeasonStory(Is(nameof(RelationshipEvent.SeasonId)));
                yield return CacheTags.Story(Was(nameof(RelationshipEvent.RelationshipId)));
                yield return CacheTags.Story(Is(nameof(RelationshipEvent.RelationshipId)));
                if (change.Moved(nameof(RelationshipEvent.Deleted), nameof(RelationshipEvent.SeasonId), nameof(RelationshipEvent.Kind), nameof(RelationshipEvent.RelationshipId)))
                {
                    yield return CacheTags.EventCounts;
                    yield return CacheTags.CitationCounts;
                }

                break;
            case nameof(EventCitation):
                yield return CacheTags.Episode(Is(nameof(EventCitation.EpisodeId)));
                yield return CacheTags.Event(Is(nameof(EventCitation.EventId)));
                yield return CacheTags.CitationCounts;
                break;
            case nameof(EventMention):
                yield return CacheTags.Character(Is(nameof(EventMention.CharacterId)));
                yield return CacheTags.Event(Is(nameof(EventMention.EventId)));
                yield return CacheTags.MentionCounts;
                break;
            case nameof(Episode):
                yield return CacheTags.Episode(change.Id!.Value);
                yield return CacheTags.EpisodeList;
                if (change.Moved(nameof(Episode.SeasonId), nameof(Episode.NumberInSeason), nameof(Episode.Deleted)))
                {
                    yield return CacheTags.EpisodeOrder;
                }

                break;
            case nameof(EpisodeAlias):
                yield return CacheTags.Episode(Is(nameof(EpisodeAlias.EpisodeId)));
                break;
            case nameof(Character):
                yield return CacheTags.Character(change.Id!.Value);
                yield return CacheTags.CharacterList;
                break;
            case nameof(CharacterAlias):
                yield return CacheTags.Character(Is(nameof(CharacterAlias.CharacterId)));
                break;
            case nameof(Relationship):
                yield return CacheTags.Relationship(change.Id!.Value);
                yield return CacheTags.Relationships;
                break;
            case nameof(RelationshipMember):
                yield return CacheTags.Relationship(Is(nameof(RelationshipMember.RelationshipId)));
                break;
            case nameof(Season):
                yield return CacheTags.Season(change.Id!.Value);
                break;
            case nameof(RecurringJoke):
                yield return CacheTags.Joke(change.Id!.Value);
                yield return CacheTags.Jokes(Is(nameof(RecurringJoke.RelationshipId)));
                break;
            case nameof(JokeCitation):
                yield return CacheTags.Episode(Is(nameof(JokeCitation.EpisodeId)));
                yield return CacheTags.Joke(Is(nameof(JokeCitation.JokeId)));
                yield return CacheTags.CitationCounts;
                break;
            case nameof(WikiLink):
                if (IsOrNull(nameof(WikiLink.EventId)) is { } eventId)
                {
                    yield return CacheTags.Event(eventId);
                }

                if (IsOrNull(nameof(WikiLink.JokeId)) is { } jokeId)
                {
                    yield return CacheTags.Joke(jokeId);
                }

                if (IsOrNull(nameof(WikiLink.RelationshipId)) is { } relationshipId)
                {
                    yield return CacheTags.Relationship(relationshipId);
                }

                break;
            case nameof(Revision):
                yield return CacheTags.Changes;
                break;
            case nameof(RetiredSlug) or nameof(SiteSetting):
                // Redirects and settings are never cached pages.
                break;
            case nameof(MediaBlob) or nameof(StoredImage):
                // An image file (or picture) is named by its bytes and never changes; a page shows it only once a figure (whose
                // save evicts that page) points at it.
                break;
            default:
                // Anything else a write changes empties the cache rather than leave it stale.
                yield return CacheTags.All;
                break;
        }
    }

    private async Task EvictAsync(IReadOnlyList<string> evicting, CancellationToken cancellationToken)
    {
        if (evicting.Count == 0)
        {
            return;
        }

        await cache.EvictAsync(evicting, cancellationToken);
        try
        {
            await log.AppendAsync(evicting, clock.GetUtcNow(), cancellationToken);
            if (log.Unusable is { } problem)
            {
                logger.LogWarning("Other instances on this database are not told of evicted pages and may show old pages for up to {Lifetime}: {Problem}",
                    PageCache.Lifetime, problem);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The save itself has committed: it must not look failed. Other instances keep their copies until the
            // pages' lifetime ends.
            logger.LogWarning(e, "Could not tell the other instances of evicted pages ({Count} tags); they may show the old pages for up to {Lifetime}: {Problem}",
                evicting.Count, PageCache.Lifetime, e.Message);
        }
    }
}
