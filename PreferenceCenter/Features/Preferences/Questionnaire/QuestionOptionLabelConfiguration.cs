using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PreferenceCenter.Features.Preferences.Questionnaire;

internal sealed class QuestionOptionLabelConfiguration : IEntityTypeConfiguration<QuestionOptionLabel>
{
    public void Configure(EntityTypeBuilder<QuestionOptionLabel> builder)
    {
        builder.Property(l => l.Culture).HasMaxLength(10);
        builder.Property(l => l.Label).HasMaxLength(QuestionOption.LabelMaxLength);
        builder.HasIndex(l => new { l.OptionId, l.Culture }).IsUnique();
    }
}
