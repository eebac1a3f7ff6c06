using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreferenceCenter.Features.Accounts;

namespace PreferenceCenter.Features.Preferences;

internal sealed class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> builder)
    {
        builder.Property(f => f.Comment).HasMaxLength(Feedback.CommentMaxLength);
        // Officers read feedback by period, in aggregate.
        builder.HasIndex(f => f.ReceivedAt);
        builder.HasOne<Customer>().WithMany().HasForeignKey(f => f.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
