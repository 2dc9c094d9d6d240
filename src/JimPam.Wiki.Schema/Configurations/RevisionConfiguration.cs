using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JimPam.Wiki.Data.Configurations;

internal sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    public void Configure(EntityTypeBuilder<Revision> builder)
    {
        builder.Property(r => r.EntityType).HasMaxLength(40);
        builder.Property(r => r.Author).HasMaxLength(256);
        builder.Property(r => r.Summary).HasMaxLength(500);
        builder.HasIndex(r => new { r.EntityType, r.EntityId, r.Number }).IsUnique();
    }
}
