using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PreferenceCenter.Features.PersonalData;

internal sealed class SuppressionConfiguration : IEntityTypeConfiguration<Suppression>
{
    public void Configure(EntityTypeBuilder<Suppression> builder)
    {
        builder.ToTable("Suppressions");
        builder.HasKey(s => s.Hash);
        builder.Property(s => s.Hash).HasMaxLength(KeyedHash.Length).IsFixedLength();
    }
}
