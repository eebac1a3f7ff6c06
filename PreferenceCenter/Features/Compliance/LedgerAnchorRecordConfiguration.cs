using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PreferenceCenter.Features.Compliance;

internal sealed class LedgerAnchorRecordConfiguration : IEntityTypeConfiguration<LedgerAnchorRecord>
{
    public void Configure(EntityTypeBuilder<LedgerAnchorRecord> builder)
    {
        builder.ToTable("LedgerAnchors");
        builder.Property(a => a.Hash).HasMaxLength(LedgerAnchorRecord.HashLength);
        builder.Property(a => a.SentTo).HasMaxLength(LedgerAnchorRecord.AddressMaxLength);
        builder.HasIndex(a => a.AnchoredAt);
    }
}
