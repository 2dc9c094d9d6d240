using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Data.Postgres;

/// <summary>
/// The wiki's model on PostgreSQL: the same entities and configurations as <see cref="WikiDbContext"/>, which the whole
/// app asks for, with migrations and a compiled model of its own (in JimPam.Wiki.Schema.Postgres). Every text column compares and sorts
/// by code point (collation "C"), as SQLite's do, so lists come out in the same order on both engines whatever the
/// server's locale.
/// </summary>
public sealed class PostgresWikiDbContext(DbContextOptions<PostgresWikiDbContext> options) : WikiDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.ClrType == typeof(string)))
        {
            property.SetCollation("C");
        }
    }
}
