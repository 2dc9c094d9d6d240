using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JimPam.Wiki.Data.Configurations;

internal sealed class EpisodeConfiguration : IEntityTypeConfiguration<Episode>
{
    public void Configure(EntityTypeBuilder<Episode> builder)
    {
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.Property(e => e.Slug).HasMaxLength(200);
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.Revision).IsConcurrencyToken();
        builder.HasIndex(e => new { e.SeasonId, e.NumberInSeason }).IsUnique();
        builder.HasOne(e => e.Season).WithMany(s => s.Episodes).HasForeignKey(e => e.SeasonId);
        builder.HasMany(e => e.Aliases).WithOne().HasForeignKey(a => a.EpisodeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EpisodeAliasConfiguration : IEntityTypeConfiguration<EpisodeAlias>
{
    public void Configure(EntityTypeBuilder<EpisodeAlias> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.HasIndex(a => new { a.EpisodeId, a.Title }).IsUnique();
    }
}
