using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Data;

/// <summary>The wiki's data and its editor accounts (ASP.NET Core Identity's user tables), in one database.</summary>
public class WikiDbContext(DbContextOptions<WikiDbContext> options) : IdentityUserContext<IdentityUser>(options)
{
    public DbSet<Season> Seasons => Set<Season>();
    public DbSet<Episode> Episodes => Set<Episode>();
    public DbSet<EpisodeAlias> EpisodeAliases => Set<EpisodeAlias>();
    public DbSet<Character> Characters => Set<Character>();
    public DbSet<CharacterAlias> CharacterAliases => Set<CharacterAlias>();
    public DbSet<Relationship> Relationships => Set<Relationship>();
    public DbSet<RelationshipEvent> Events => Set<RelationshipEvent>();
    public DbSet<EventCitation> EventCitations => Set<EventCitation>();
    public DbSet<EventMention> EventMentions => Set<EventMention>();
    public DbSet<RecurringJoke> Jokes => Set<RecurringJoke>();
    public DbSet<JokeCitation> JokeCitations => Set<JokeCitation>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<RetiredSlug> RetiredSlugs => Set<RetiredSlug>();
    public DbSet<WikiLink> WikiLinks => Set<WikiLink>();
    public DbSet<SiteSetting> SiteSettings => Set<SiteSetting>();
    public DbSet<LoginThrottle> LoginThrottles => Set<LoginThrottle>();
    public DbSet<LoginSession> LoginSessions => Set<LoginSession>();

    /// <summary>
    /// The relationship whose story the season pages, the season list and the episode pages tell first: the first
    /// one made (the seeded article). 0 when there is none.
    /// </summary>
    public Task<int> FirstRelationshipIdAsync(CancellationToken cancellationToken) =>
        Relationships.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WikiDbContext).Assembly);
    }
}
