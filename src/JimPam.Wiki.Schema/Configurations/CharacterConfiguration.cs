using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JimPam.Wiki.Data.Configurations;

internal sealed class CharacterConfiguration : IEntityTypeConfiguration<Character>
{
    public void Configure(EntityTypeBuilder<Character> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Slug).HasMaxLength(200);
        builder.Property(c => c.FullName).HasMaxLength(200);
        builder.Property(c => c.Actor).HasMaxLength(200);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Revision).IsConcurrencyToken();
        builder.HasMany(c => c.Aliases).WithOne().HasForeignKey(a => a.CharacterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CharacterAliasConfiguration : IEntityTypeConfiguration<CharacterAlias>
{
    public void Configure(EntityTypeBuilder<CharacterAlias> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.HasIndex(a => new { a.CharacterId, a.Name }).IsUnique();
    }
}
