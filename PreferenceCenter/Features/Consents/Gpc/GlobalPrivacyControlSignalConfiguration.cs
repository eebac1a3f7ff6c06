using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PreferenceCenter.Features.Consents.Gpc;

public sealed class GlobalPrivacyControlSignalConfiguration : IEntityTypeConfiguration<GlobalPrivacyControlSignal>
{
    public void Configure(EntityTypeBuilder<GlobalPrivacyControlSignal> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("GlobalPrivacyControlSignals");
        builder.HasKey(s => s.CustomerId);
        builder.Property(s => s.CustomerId).ValueGeneratedNever();
    }
}
