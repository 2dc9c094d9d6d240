using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JimPam.Wiki.Data.Configurations;

internal sealed class StoredImageConfiguration : IEntityTypeConfiguration<StoredImage>
{
    public void Configure(EntityTypeBuilder<StoredImage> builder)
    {
        builder.ToTable("Images");
        builder.Property(i => i.Hash).HasMaxLength(StoredImage.HashLength);
        builder.HasIndex(i => i.Hash).IsUnique();
        builder.Property(i => i.Original).HasMaxLength(StoredImage.FileNameMaxLength);
        builder.Property(i => i.UploadedBy).HasMaxLength(200);
    }
}
