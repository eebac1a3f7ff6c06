using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Consents;

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.HasIndex(c => new { c.CustomerId, c.PurposeId, c.Channel }).IsUnique();
        builder.Property(c => c.Version).IsConcurrencyToken();
        // The expiry and reminder jobs look consents up by when they end. Only consents that can end are indexed
        // (their queries compare ExpiresAt, which implies it is not null), so a withdrawal, which clears ExpiresAt,
        // deletes one index entry and adds none: one page fewer to write for each one-click unsubscribe.
        builder.HasIndex(c => c.ExpiresAt).HasFilter("\"ExpiresAt\" IS NOT NULL");
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Purpose>().WithMany().HasForeignKey(c => c.PurposeId).OnDelete(DeleteBehavior.Restrict);
    }
}
