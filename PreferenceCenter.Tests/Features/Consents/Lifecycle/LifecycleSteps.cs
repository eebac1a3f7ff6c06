using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents.Lifecycle;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Consents.Lifecycle;

/// <summary>Steps other features' tests need from the lifecycle, taken through the real services.</summary>
public static class LifecycleSteps
{
    /// <summary>Follows the double opt-in link for a pending consent, as the customer would from their inbox.</summary>
    public static async Task ConfirmAsync(TestDatabase database, TimeProvider clock, Guid customerId, string purposeKey, Channel channel)
    {
        await using var services = LifecycleMailFactory.Services(database, clock);
        await ConfirmAsync(services, customerId, purposeKey, channel);
    }

    /// <summary>The same, in a running app or any container that has the lifecycle registered.</summary>
    public static async Task ConfirmAsync(IServiceProvider services, Guid customerId, string purposeKey, Channel channel)
    {
        var lifetime = services.GetRequiredService<IOptions<LifecycleOptions>>().Value.ConfirmationLinkLifetime;
        var token = services.GetRequiredService<LinkTokens>().Create(LinkPurpose.ConfirmOptIn, customerId, purposeKey, channel, lifetime);
        var result = await services.GetRequiredService<ConsentLinkService>().ApplyAsync(LinkPurpose.ConfirmOptIn, token, CultureInfo.InvariantCulture);
        Assert.Equal(LinkOutcome.Done, result.Outcome);
    }
}
