using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JimPam.Wiki.Data.Configurations;

internal sealed class RelationshipConfiguration : IEntityTypeConfiguration<Relationship>
{
    public void Configure(EntityTypeBuilder<Relationship> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Slug).HasMaxLength(200);
        builder.Property(r => r.Status).HasMaxLength(100);
        builder.Property(r => r.QuoteSpeaker).HasMaxLength(200);
        builder.Property(r => r.BehindTheScenesFootnote).HasMaxLength(20);
        builder.HasIndex(r => r.Slug).IsUnique();
        builder.Property(r => r.Revision).IsConcurrencyToken();
        builder.HasOne(r => r.QuoteSpeakerCharacter).WithMany().HasForeignKey(r => r.QuoteSpeakerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(r => r.QuoteEpisode).WithMany().HasForeignKey(r => r.QuoteEpisodeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Members).WithOne().HasForeignKey(m => m.RelationshipId);
        builder.HasMany(r => r.Events).WithOne(e => e.Relationship).HasForeignKey(e => e.RelationshipId);
        builder.HasMany(r => r.Jokes).WithOne().HasForeignKey(j => j.RelationshipId);
    }
}

internal sealed class RelationshipMemberConfiguration : IEntityTypeConfiguration<RelationshipMember>
{
    public void Configure(EntityTypeBuilder<RelationshipMember> builder) =>
        builder.HasKey(m => new { m.RelationshipId, m.CharacterId });
}

internal sealed class RecurringJokeConfiguration : IEntityTypeConfiguration<RecurringJoke>
{
    public void Configure(EntityTypeBuilder<RecurringJoke> builder) =>
        builder.Property(j => j.Revision).IsConcurrencyToken();
}
