using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JimPam.Wiki.Data.Configurations;

internal sealed class LoginThrottleConfiguration : IEntityTypeConfiguration<LoginThrottle>
{
    public void Configure(EntityTypeBuilder<LoginThrottle> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(256);
        builder.Property(t => t.ClientAddress).HasMaxLength(64);
        builder.HasIndex(t => new { t.Name, t.ClientAddress }).IsUnique();
        builder.HasIndex(t => t.LastFailureAt);
    }
}
