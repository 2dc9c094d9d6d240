using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JimPam.Wiki.Data.Configurations;

internal sealed class RelationshipEventConfiguration : IEntityTypeConfiguration<RelationshipEvent>
{
    public void Configure(EntityTypeBuilder<RelationshipEvent> builder)
    {
        builder.ToTable("RelationshipEvents");
        builder.Property(e => e.ImageSlot).HasMaxLength(200);
        builder.Property(e => e.Revision).IsConcurrencyToken();
        builder.HasIndex(e => new { e.RelationshipId, e.SeasonId, e.Order }).IsUnique();
        builder.HasOne(e => e.Season).WithMany().HasForeignKey(e => e.SeasonId);
        builder.Property(e => e.Milestone).HasMaxLength(RelationshipEvent.MilestoneMaxLength);
        builder.Property(e => e.MilestoneStatus).HasMaxLength(RelationshipEvent.StatusMaxLength);
        builder.HasOne(e => e.Image).WithMany().HasForeignKey(e => e.ImageId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.ImageAlt).HasMaxLength(FigureImage.AltMaxLength);
        builder.Property(e => e.ImageCredit).HasMaxLength(FigureImage.CreditMaxLength);
        builder.HasOne(e => e.MilestoneEpisode).WithMany().HasForeignKey(e => e.MilestoneEpisodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EventCitationConfiguration : IEntityTypeConfiguration<EventCitation>
{
    public void Configure(EntityTypeBuilder<EventCitation> builder)
    {
        builder.HasKey(c => new { c.EventId, c.EpisodeId });
        builder.HasOne(c => c.Event).WithMany(e => e.Citations).HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Episode).WithMany().HasForeignKey(c => c.EpisodeId);
        builder.HasIndex(c => c.EpisodeId);
    }
}

internal sealed class EventMentionConfiguration : IEntityTypeConfiguration<EventMention>
{
    public void Configure(EntityTypeBuilder<EventMention> builder)
    {
        builder.HasKey(m => new { m.EventId, m.CharacterId });
        builder.HasOne(m => m.Event).WithMany(e => e.Mentions).HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Character).WithMany().HasForeignKey(m => m.CharacterId);
        builder.HasIndex(m => m.CharacterId);
    }
}

internal sealed class JokeCitationConfiguration : IEntityTypeConfiguration<JokeCitation>
{
    public void Configure(EntityTypeBuilder<JokeCitation> builder)
    {
        builder.HasKey(c => new { c.JokeId, c.EpisodeId });
        builder.HasOne(c => c.Joke).WithMany(j => j.Citations).HasForeignKey(c => c.JokeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Episode).WithMany().HasForeignKey(c => c.EpisodeId);
        builder.HasIndex(c => c.EpisodeId);
    }
}
