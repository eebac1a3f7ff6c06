using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PreferenceCenter.Features.Privacy;

internal sealed class NoticeVersionConfiguration : IEntityTypeConfiguration<NoticeVersion>
{
    public void Configure(EntityTypeBuilder<NoticeVersion> builder)
    {
        builder.HasIndex(n => n.Number).IsUnique();
        builder.HasMany(n => n.Texts).WithOne().HasForeignKey(t => t.NoticeVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.PurposeTexts).WithOne().HasForeignKey(t => t.NoticeVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
