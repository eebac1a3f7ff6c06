using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PreferenceCenter.Features.Webhooks;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.Property(d => d.EventType).HasMaxLength(40);
        builder.Property(d => d.MessageId).HasMaxLength(40);
        builder.Property(d => d.Payload).HasMaxLength(WebhookDelivery.PayloadMaxLength);
        builder.Property(d => d.LastError).HasMaxLength(WebhookDelivery.ErrorMaxLength);
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Restrict);
        // One delivery per event and endpoint: a fan-out that ran twice would fail here rather than send twice.
        builder.HasIndex(d => new { d.EndpointId, d.LedgerSequence }).IsUnique();
        // The dispatcher's question, "the oldest unsettled delivery per customer and endpoint", reads only these rows.
        builder.HasIndex(d => new { d.EndpointId, d.CustomerId, d.Id })
            .HasFilter("AcknowledgedAt IS NULL AND DeadLetteredAt IS NULL").HasDatabaseName("IX_WebhookDeliveries_Pending");
        builder.HasIndex(d => d.CustomerId);
        builder.Ignore(d => d.State);
    }
}
