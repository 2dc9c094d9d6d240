using System.Data.Common;
using JimPam.Wiki.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JimPam.Wiki.Infrastructure;

/// <summary>
/// Keeps the page cache in step with the database, for every write whatever made it (a form, a revert, a restore,
/// a catalogue change, the renders those set off). As changes are saved it names the data each changed row is part
/// of (<see cref="CacheTags"/>), from the row's values before and after; once the transaction commits it evicts
/// those tags, and with them exactly the cached pages that showed that data, and writes them to the
/// <see cref="EvictionLog"/> for the other instances on the database. A rolled-back write evicts nothing.
/// </summary>
public sealed class CacheEviction(PageCache cache, EvictionLog log, TimeProvider clock, ILogger<CacheEviction> logger) : SaveChangesCollector<string>, IDbTransactionInterceptor
{
    // Outside a transaction of the caller's, SaveChanges committed its own: evict now; otherwise at the commit.
    protected override Task AfterSaveAsync(DbContext? context, CancellationToken cancellationToken) =>
        context?.Database.CurrentTransaction is null ? EvictAsync(context, cancellationToken) : Task.CompletedTask;

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        EvictAsync(eventData.Context, cancellationToken);

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        EvictAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    /// <summary>The tags of the data one changed row is part of, before and after the change.</summary>
    public static IEnumerable<string> TagsOf(EntityEntry entry)
    {
        int Was(string property) => entry.State == EntityState.Added ? Is(property) : (int)entry.OriginalValues[property]!;
        int Is(string property) => (int)entry.CurrentValues[property]!;
        bool Moved(params string[] properties) =>
            entry.State is EntityState.Added or EntityState.Deleted || properties.Any(p => entry.Property(p).IsModified);

        switch (entry.Entity)
        {
            case RelationshipEvent e:
                yield return CacheTags.Event(e.Id);
                yield return CacheTags.SeasonStory(Was(nameof(RelationshipEvent.SeasonId)));
                yield return CacheTags.SeasonStory(e.SeasonId);
                yield return CacheTags.Story(Was(nameof(RelationshipEvent.RelationshipId)));
                yield return CacheTags.Story(e.RelationshipId);
                if (Moved(nameof(RelationshipEvent.Deleted), nameof(RelationshipEvent.SeasonId), nameof(RelationshipEvent.Kind), nameof(RelationshipEvent.RelationshipId)))
                {
                    yield return CacheTags.EventCounts;
                    yield return CacheTags.CitationCounts;
                }

                break;
            case EventCitation c:
                yield return CacheTags.Episode(c.EpisodeId);
                yield return CacheTags.Event(c.EventId);
                yield return CacheTags.CitationCounts;
                break;
            case EventMention m:
                yield return CacheTags.Character(m.CharacterId);
                yield return CacheTags.Event(m.EventId);
                yield return CacheTags.MentionCounts;
                break;
            case Episode episode:
                yield return CacheTags.Episode(episode.Id);
                yield return CacheTags.EpisodeList;
                if (Moved(nameof(Episode.SeasonId), nameof(Episode.NumberInSeason), nameof(Episode.Deleted)))
                {
                    yield return CacheTags.EpisodeOrder;
                }

                break;
            case EpisodeAlias alias:
                yield return CacheTags.Episode(alias.EpisodeId);
                break;
            case Character character:
                yield return CacheTags.Character(character.Id);
                yield return CacheTags.CharacterList;
                break;
            case CharacterAlias alias:
                yield return CacheTags.Character(alias.CharacterId);
                break;
            case Relationship relationship:
                yield return CacheTags.Relationship(relationship.Id);
                yield return CacheTags.Relationships;
                break;
            case RelationshipMember member:
                yield return CacheTags.Relationship(member.RelationshipId);
                break;
            case Season season:
                yield return CacheTags.Season(season.Id);
                break;
            case RecurringJoke joke:
                yield return CacheTags.Joke(joke.Id);
                yield return CacheTags.Jokes(joke.RelationshipId);
                break;
            case JokeCitation c:
                yield return CacheTags.Episode(c.EpisodeId);
                yield return CacheTags.Joke(c.JokeId);
                yield return CacheTags.CitationCounts;
                break;
            case WikiLink link:
                if (link.EventId is { } eventId)
                {
                    yield return CacheTags.Event(eventId);
                }

                if (link.JokeId is { } jokeId)
                {
                    yield return CacheTags.Joke(jokeId);
                }

                if (link.RelationshipId is { } relationshipId)
                {
                    yield return CacheTags.Relationship(relationshipId);
                }

                break;
            case Revision:
                yield return CacheTags.Changes;
                break;
            case RetiredSlug or SiteSetting:
                // Redirects and settings are never cached pages.
                break;
            case MediaBlob or StoredImage:
                // An image file (or picture) is named by its bytes and never changes; a page shows it only once a figure (whose
                // save evicts that page) points at it.
                break;
            case LoginSession or LoginThrottle or Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey:
                // Logins (made or failed) and the keys that sign them show on no cached page: a failed login must not
                // empty readers' cache.
                break;
            default:
                // Editor accounts show on no cached page; anything else unknown empties the cache rather than leave it stale.
                if (entry.Metadata.ClrType.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) != true)
                {
                    yield return CacheTags.All;
                }

                break;
        }
    }

    protected override IEnumerable<string> ItemsOf(EntityEntry entry) => TagsOf(entry);

    private async Task EvictAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (Take(context) is not { Count: > 0 } evicting)
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
                    WikiPagePolicy.Lifetime, problem);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The save itself has committed: it must not look failed. Other instances keep their copies until the
            // pages' lifetime ends.
            logger.LogWarning(e, "Could not tell the other instances of evicted pages ({Count} tags); they may show the old pages for up to {Lifetime}: {Problem}",
                evicting.Count, WikiPagePolicy.Lifetime, e.Message);
        }
    }
}
