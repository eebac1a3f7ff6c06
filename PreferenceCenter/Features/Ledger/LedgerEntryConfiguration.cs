using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PreferenceCenter.Features.Ledger;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("LedgerEntries");
        builder.HasKey(e => e.Sequence);
        // The writer assigns Sequence = last + 1, so two racing writers collide on the key instead of forking the chain.
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.ActorId).HasMaxLength(100);
        builder.Property(e => e.RequestChannel).HasMaxLength(20);
        builder.Property(e => e.Reason).HasMaxLength(LedgerEntry.StoredReasonMaxLength);
        builder.Property(e => e.PurposeKey).HasMaxLength(100);
        builder.Property(e => e.Before).HasMaxLength(LedgerEntry.ValueMaxLength);
        builder.Property(e => e.After).HasMaxLength(LedgerEntry.ValueMaxLength);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(e => new { e.SubjectId, e.Sequence });
    }
}
