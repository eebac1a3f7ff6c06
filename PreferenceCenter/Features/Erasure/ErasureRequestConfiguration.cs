using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PreferenceCenter.Features.Erasure;

internal sealed class ErasureRequestConfiguration : IEntityTypeConfiguration<ErasureRequest>
{
    public void Configure(EntityTypeBuilder<ErasureRequest> builder)
    {
        // No foreign key to Customers on purpose: erasing the customer must not take the proof of the request with it.
        builder.HasIndex(r => r.CustomerId);
        builder.HasIndex(r => new { r.State, r.DueAt });
        builder.Property(r => r.DecidedBy).HasMaxLength(450);
        builder.Property(r => r.RejectionReason).HasMaxLength(ErasureRules.ReasonMaxLength);
        builder.Property(r => r.DeadlineExtensionReason).HasMaxLength(ErasureRules.ReasonMaxLength);
        builder.Property(r => r.Culture).HasMaxLength(10);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}
