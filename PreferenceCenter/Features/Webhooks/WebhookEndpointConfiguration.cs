using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreferenceCenter.Features.Api.Clients;

namespace PreferenceCenter.Features.Webhooks;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.Property(e => e.Url).HasMaxLength(WebhookEndpoint.UrlMaxLength);
        builder.Property(e => e.EventTypes).HasMaxLength(200);
        builder.Property(e => e.SealedSecret).HasMaxLength(1_000);
        builder.HasOne<ApiClient>().WithMany().HasForeignKey(e => e.ApiClientId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(e => e.IsActive);
    }
}
