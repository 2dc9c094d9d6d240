using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JimPam.Wiki.Data.Configurations;

internal sealed class WikiLinkConfiguration : IEntityTypeConfiguration<WikiLink>
{
    public void Configure(EntityTypeBuilder<WikiLink> builder)
    {
        builder.Property(l => l.Field).HasMaxLength(40);
        builder.Property(l => l.Target).HasMaxLength(500);
        builder.HasOne<RelationshipEvent>().WithMany(e => e.Links).HasForeignKey(l => l.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RecurringJoke>().WithMany(j => j.Links).HasForeignKey(l => l.JokeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Relationship>().WithMany(r => r.Links).HasForeignKey(l => l.RelationshipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Episode).WithMany().HasForeignKey(l => l.EpisodeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(l => l.Character).WithMany().HasForeignKey(l => l.CharacterId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(l => l.EpisodeId);
        builder.HasIndex(l => l.CharacterId);
    }
}
