using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Features.Preferences.Feedback;

internal sealed class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> builder)
    {
        // Sealed with the customer's key: room for the longest comment once encrypted.
        builder.Property(f => f.Comment).HasMaxLength(ProtectedText.MaxLengthFor(Feedback.CommentMaxLength));
        // Officers read feedback by period, in aggregate.
        builder.HasIndex(f => f.ReceivedAt);
        builder.HasOne<Customer>().WithMany().HasForeignKey(f => f.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
