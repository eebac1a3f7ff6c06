using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Erasure;

internal sealed class ErasureProgressConfiguration : IEntityTypeConfiguration<ErasureProgress>
{
    public void Configure(EntityTypeBuilder<ErasureProgress> builder)
    {
        builder.HasKey(p => p.CustomerId);
        // The pseudonymous customer row stays after erasure, so its progress can point at it.
        builder.HasOne<Customer>().WithOne().HasForeignKey<ErasureProgress>(p => p.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
