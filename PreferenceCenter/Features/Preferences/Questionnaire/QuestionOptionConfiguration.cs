using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PreferenceCenter.Features.Preferences.Questionnaire;

internal sealed class QuestionOptionConfiguration : IEntityTypeConfiguration<QuestionOption>
{
    public void Configure(EntityTypeBuilder<QuestionOption> builder)
    {
        builder.Property(o => o.Key).HasMaxLength(QuestionOption.KeyMaxLength);
        builder.HasIndex(o => new { o.QuestionId, o.Key }).IsUnique();
        builder.HasMany(o => o.Labels).WithOne().HasForeignKey(l => l.OptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
