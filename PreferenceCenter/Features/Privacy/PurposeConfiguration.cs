using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PreferenceCenter.Features.Privacy;

internal sealed class PurposeConfiguration : IEntityTypeConfiguration<Purpose>
{
    public void Configure(EntityTypeBuilder<Purpose> builder)
    {
        builder.Property(p => p.Key).HasMaxLength(Purpose.KeyMaxLength);
        builder.HasIndex(p => p.Key).IsUnique();
        builder.Property(p => p.Icon).HasMaxLength(100);
        builder.Property(p => p.OfferedChannels).HasConversion<int>();
        builder.HasOne(p => p.Recipient).WithMany().HasForeignKey(p => p.RecipientId).OnDelete(DeleteBehavior.Restrict);
    }
}
