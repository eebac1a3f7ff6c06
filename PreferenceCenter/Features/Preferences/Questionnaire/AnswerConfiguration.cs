using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Features.Preferences.Questionnaire;

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.HasIndex(a => new { a.CustomerId, a.QuestionId }).IsUnique();
        // Sealed with the customer's key: room for the longest answer once encrypted.
        builder.Property(a => a.Text).HasMaxLength(ProtectedText.MaxLengthFor(Question.FreeTextLimit));
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Question>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}
