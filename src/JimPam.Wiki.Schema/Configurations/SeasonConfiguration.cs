using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JimPam.Wiki.Data.Configurations;

internal sealed class SeasonConfiguration : IEntityTypeConfiguration<Season>
{
    public void Configure(EntityTypeBuilder<Season> builder)
    {
        builder.HasIndex(s => s.Number).IsUnique();
        builder.Property(s => s.Summary).HasMaxLength(2000);
        builder.Property(s => s.Revision).IsConcurrencyToken();
    }
}
