using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PreferenceCenter.Features.Common;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.Property(c => c.Reference).HasMaxLength(Customer.ReferenceLength);
        builder.Property(c => c.PreferredCulture).HasMaxLength(10);
        builder.HasIndex(c => c.UserId).IsUnique();
        builder.HasIndex(c => c.Reference).IsUnique();
    }
}
