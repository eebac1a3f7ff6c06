using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PreferenceCenter.Features.Privacy;

internal sealed class PurposeTextConfiguration : IEntityTypeConfiguration<PurposeText>
{
    public void Configure(EntityTypeBuilder<PurposeText> builder)
    {
        builder.Property(t => t.Culture).HasMaxLength(10);
        builder.Property(t => t.Title).HasMaxLength(PurposeText.TitleMaxLength);
        builder.Property(t => t.Summary).HasMaxLength(PurposeText.SummaryMaxLength);
        builder.Property(t => t.DataUsed).HasMaxLength(PurposeText.SummaryMaxLength);
        builder.Property(t => t.Retention).HasMaxLength(PurposeText.SummaryMaxLength);
        builder.Property(t => t.IfYouSayNo).HasMaxLength(PurposeText.SummaryMaxLength);
        builder.HasIndex(t => new { t.NoticeVersionId, t.PurposeId, t.Culture }).IsUnique();
        builder.HasOne<Purpose>().WithMany().HasForeignKey(t => t.PurposeId).OnDelete(DeleteBehavior.Restrict);
    }
}
