using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JimPam.Wiki.Data.Configurations;

internal sealed class RetiredSlugConfiguration : IEntityTypeConfiguration<RetiredSlug>
{
    public void Configure(EntityTypeBuilder<RetiredSlug> builder)
    {
        builder.Property(r => r.EntityType).HasMaxLength(40);
        builder.Property(r => r.Slug).HasMaxLength(200);
        builder.HasIndex(r => new { r.EntityType, r.Slug }).IsUnique();
    }
}

internal sealed class SiteSettingConfiguration : IEntityTypeConfiguration<SiteSetting>
{
    public void Configure(EntityTypeBuilder<SiteSetting> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.Property(s => s.Value).HasMaxLength(2000);
    }
}

internal sealed class MediaBlobConfiguration : IEntityTypeConfiguration<MediaBlob>
{
    public void Configure(EntityTypeBuilder<MediaBlob> builder)
    {
        builder.HasKey(m => m.Name);
        builder.Property(m => m.Name).HasMaxLength(MediaBlob.NameMaxLength);
        builder.Property(m => m.ContentType).HasMaxLength(MediaBlob.ContentTypeMaxLength);
    }
}
