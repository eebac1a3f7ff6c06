using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Preferences.ContactRules;

internal sealed class ContactRuleConfiguration : IEntityTypeConfiguration<ContactRule>
{
    public void Configure(EntityTypeBuilder<ContactRule> builder)
    {
        builder.HasIndex(r => new { r.CustomerId, r.Channel }).IsUnique();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
