using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
        // An index, not a foreign key: SQLite cannot add a constraint to a table without rebuilding it (outside any
        // transaction). The officer's page offers only existing recipients, and recipients are never deleted.
        builder.HasIndex(c => c.RecipientId);
    }
}
