using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Api.Clients;

public sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(c => c.Name).HasMaxLength(ApiClient.NameMaxLength);
        builder.Property(c => c.Scopes).HasMaxLength(200);
        builder.Property(c => c.SecretHash).HasMaxLength(32);
        builder.Property(c => c.PreviousSecretHash).HasMaxLength(32);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Recipient>().WithMany().HasForeignKey(c => c.RecipientId).OnDelete(DeleteBehavior.Restrict);
    }
}
