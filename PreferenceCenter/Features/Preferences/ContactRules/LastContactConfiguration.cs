using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Preferences.ContactRules;

internal sealed class LastContactConfiguration : IEntityTypeConfiguration<LastContact>
{
    public void Configure(EntityTypeBuilder<LastContact> builder)
    {
        builder.HasIndex(c => new { c.CustomerId, c.Channel }).IsUnique();
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
