using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PreferenceCenter.Features.Preferences.Questionnaire;

internal sealed class QuestionTextConfiguration : IEntityTypeConfiguration<QuestionText>
{
    public void Configure(EntityTypeBuilder<QuestionText> builder)
    {
        builder.Property(t => t.Culture).HasMaxLength(10);
        builder.Property(t => t.Prompt).HasMaxLength(Question.PromptMaxLength);
        builder.Property(t => t.WhyWeAsk).HasMaxLength(Question.WhyWeAskMaxLength);
        builder.HasIndex(t => new { t.QuestionId, t.Culture }).IsUnique();
    }
}
