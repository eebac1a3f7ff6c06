using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PreferenceCenter.Features.Privacy;

internal sealed class NoticeTextConfiguration : IEntityTypeConfiguration<NoticeText>
{
    public void Configure(EntityTypeBuilder<NoticeText> builder)
    {
        builder.Property(t => t.Culture).HasMaxLength(10);
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.HasIndex(t => new { t.NoticeVersionId, t.Culture }).IsUnique();
    }
}
