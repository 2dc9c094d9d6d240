using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Data;

public class WikiDbContext(DbContextOptions<WikiDbContext> options) : DbContext(options)
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

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WikiDbContext).Assembly);
}
