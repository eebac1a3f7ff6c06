using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PreferenceCenter.Features.Preferences.Questionnaire;

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.Property(q => q.Key).HasMaxLength(Question.KeyMaxLength);
        builder.HasIndex(q => q.Key).IsUnique();
        builder.Property(q => q.Version).IsConcurrencyToken();
        builder.HasOne(q => q.Purpose).WithMany().HasForeignKey(q => q.PurposeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(q => q.Texts).WithOne().HasForeignKey(t => t.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}
