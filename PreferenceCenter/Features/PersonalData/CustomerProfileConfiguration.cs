using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.PersonalData;

internal sealed class CustomerProfileConfiguration : IEntityTypeConfiguration<CustomerProfile>
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 256;
    public const int PhoneMaxLength = 40;
    public const int PostalAddressMaxLength = 300;

    public void Configure(EntityTypeBuilder<CustomerProfile> builder)
    {
        builder.HasKey(p => p.CustomerId);
        builder.Property(p => p.Name).HasMaxLength(ProtectedText.MaxLengthFor(NameMaxLength));
        builder.Property(p => p.Email).HasMaxLength(ProtectedText.MaxLengthFor(EmailMaxLength));
        builder.Property(p => p.Phone).HasMaxLength(ProtectedText.MaxLengthFor(PhoneMaxLength));
        builder.Property(p => p.PostalAddress).HasMaxLength(ProtectedText.MaxLengthFor(PostalAddressMaxLength));
        builder.Property(p => p.EmailIndex).HasMaxLength(KeyedHash.Length).IsFixedLength();
        builder.Property(p => p.PhoneIndex).HasMaxLength(KeyedHash.Length).IsFixedLength();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.EmailIndex);
        builder.HasIndex(p => p.PhoneIndex);
        builder.HasOne<Customer>().WithOne().HasForeignKey<CustomerProfile>(p => p.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
