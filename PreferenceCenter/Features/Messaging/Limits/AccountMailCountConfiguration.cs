using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Features.Messaging.Limits;

public sealed class AccountMailCountConfiguration : IEntityTypeConfiguration<AccountMailCount>
{
    public void Configure(EntityTypeBuilder<AccountMailCount> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("AccountMailCounts");
        // The upsert's conflict target (AccountMailCap): one row per address and hour.
        builder.HasKey(c => new { c.AddressHash, c.Hour });
        builder.Property(c => c.AddressHash).HasMaxLength(KeyedHash.Length);
        // The clean-up's question: which hours are over.
        builder.HasIndex(c => c.Hour);
    }
}
