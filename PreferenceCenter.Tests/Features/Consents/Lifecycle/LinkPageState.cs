using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Consents.Lifecycle;

/// <summary>
/// A customer of their own in the running app whose marketing-by-email consent is where a link finds it: waiting for
/// confirmation, or given 23 months ago and so due for renewal. Tokens come from the app's own key ring.
/// </summary>
public static class LinkPageState
{
    public static async Task<string> TokenAsync(AppHost app, LinkPurpose purpose, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var now = DateTimeOffset.UtcNow;
        var customerId = Guid.NewGuid();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var marketing = await db.Purposes.SingleAsync(p => p.Key == "marketing");
            db.Customers.Add(new Customer { Id = customerId, Reference = CustomerReference.New(), CreatedAt = now.AddYears(-2) });
            db.Consents.Add(new Consent
            {
                CustomerId = customerId, PurposeId = marketing.Id, Channel = Channel.Email, NoticeVersion = 1, Source = ChangeSource.Web, Version = 1,
                State = purpose == LinkPurpose.Renew ? ConsentState.Granted : ConsentState.PendingConfirmation,
                ChangedAt = purpose == LinkPurpose.Renew ? now.AddMonths(-23) : now,
                ExpiresAt = purpose == LinkPurpose.Renew ? now.AddDays(20) : null,
            });
            await db.SaveChangesAsync();
        }

        return app.Services.GetRequiredService<LinkTokens>().Create(purpose, customerId, "marketing", Channel.Email, lifetime ?? TimeSpan.FromDays(7));
    }
}
