using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PreferenceCenter.Features.Webhooks;

internal sealed class WebhookFeedPositionConfiguration : IEntityTypeConfiguration<WebhookFeedPosition>
{
    public void Configure(EntityTypeBuilder<WebhookFeedPosition> builder) => builder.Property(p => p.Id).ValueGeneratedNever();
}
