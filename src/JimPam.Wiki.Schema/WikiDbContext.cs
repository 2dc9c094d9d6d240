using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Data;

/// <summary>
/// The wiki's data, its editor accounts (ASP.NET Core Identity's user tables) and the keys that sign their login
/// cookies (Data Protection's key table), in one database: every instance on it agrees on all three.
/// </summary>
public class WikiDbContext : IdentityUserContext<IdentityUser>, IDataProtectionKeyContext
{
    public WikiDbContext(DbContextOptions<WikiDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the context of another engine (<see cref="Postgres.PostgresWikiDbContext"/>): the same model, its own migrations.</summary>
    protected WikiDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>
    /// Set by the entry writer for the length of each of its saves: entry rows are saved by it alone, whose handlers
    /// keep the data derived from them; any other save of them is refused (<see cref="CheckWriterOnly"/>).
    /// </summary>
    public bool SavingThroughWriter { get; set; }

    /// <summary>The rows that belong to no entry, which anyone may save: settings, logins, their keys, image files (and editors' accounts).</summary>
    private static readonly HashSet<Type> FreeRows = [typeof(SiteSetting), typeof(LoginSession), typeof(LoginThrottle), typeof(DataProtectionKey), typeof(MediaBlob)];

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        CheckWriterOnly();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        CheckWriterOnly();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Refuses a save of the wiki's entry rows that does not come from the entry writer: only its saves reach the
    /// handlers that keep the derived data (the story's places, the search index, the page cache), so any other save
    /// would leave them stale without a word. Every context has it, one made by hand too.
    /// </summary>
    private void CheckWriterOnly()
    {
        if (SavingThroughWriter)
        {
            return;
        }

        var entry = ChangeTracker.Entries().FirstOrDefault(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && !FreeRows.Contains(e.Metadata.ClrType)
            && e.Metadata.ClrType.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) != true);
        if (entry is not null)
        {
            throw new InvalidOperationException(
                $"A {entry.Metadata.ClrType.Name} row was saved outside EntryWriter; entry rows are written through it, whose handlers keep the derived data (the story's places, the search index, the page cache).");
        }
    }

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
    public DbSet<MediaBlob> MediaBlobs => Set<MediaBlob>();
    public DbSet<StoredImage> Images => Set<StoredImage>();
    public DbSet<LoginThrottle> LoginThrottles => Set<LoginThrottle>();
    public DbSet<LoginSession> LoginSessions => Set<LoginSession>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// The wiki's first relationship, the first one made (the seeded article), as a query EF Core inlines where it is
    /// used: its article is the home page, its story is told first on the season and episode pages, and its pages'
    /// addresses carry no relationship value (<see cref="AddressValue"/>). The one definition of "first".
    /// </summary>
    public IQueryable<int> FirstRelationship => Relationships.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).Take(1);

    /// <summary>The first relationship's id (<see cref="FirstRelationship"/>); 0 when there is none.</summary>
    public Task<int> FirstRelationshipIdAsync(CancellationToken cancellationToken) => FirstRelationship.FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// A relationship's value in the addresses of its pages (<c>?relationship=</c>, <c>/relationships/{slug}</c>):
    /// none for the first relationship, whose pages are the site's own (the home page, <c>/timeline</c>, the plain
    /// season page); its slug for any other.
    /// </summary>
    public static string? AddressValue(bool first, string slug) => first ? null : slug;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WikiDbContext).Assembly);
    }
}
