using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// Identity's <c>UserName</c> and <c>Email</c> hold sealed values (<see cref="SealedUserStore"/>), which are longer
/// than the address: Identity's 256 would cut off a long address on a server database, where lengths are enforced.
/// Applied after Identity's own model, so these lengths win.
/// </summary>
internal sealed class SealedUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public static readonly int SealedAddressLength = ProtectedText.MaxLengthFor(CustomerProfileConfiguration.EmailMaxLength);

    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.UserName).HasMaxLength(SealedAddressLength);
        builder.Property(u => u.Email).HasMaxLength(SealedAddressLength);
    }
}
