using System.Globalization;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.MyData;
using PreferenceCenter.Features.Webhooks;
using PreferenceCenter.Tests.Features.Webhooks;

namespace PreferenceCenter.Tests.Features.MyData;

/// <summary>
/// "Where my data went": per partner, what is shared and whether each withdrawal reached the partner's system, read
/// from real deliveries to a real receiver.
/// </summary>
public sealed class WhereMyDataWentServiceTests
{
    [Theory]
    [InlineData(ReceiverBehaviour.Ok, WebhookDeliveryState.Acknowledged)]
    [InlineData(ReceiverBehaviour.ServerError, WebhookDeliveryState.Failing)]
    public async Task A_withdrawal_sent_to_the_partners_system_shows_with_its_delivery_state(ReceiverBehaviour answer, WebhookDeliveryState expected)
    {
        await using var harness = await WebhookHarness.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Behave = (_, _) => answer;
        int partner;
        await using (var db = harness.Database.CreateDbContext())
        {
            partner = await PartnerSetup.AddAsync(db);
        }

        var customer = await harness.AddCustomerAsync();
        var client = await harness.AddClientAsync("northwind crm");
        Assert.Null((await harness.Admin.SetPartnerAsync(client, partner, "officer")).Problem);
        await harness.SetAsync(customer, PartnerSetup.PurposeKey, Channel.Email, grant: true);
        // Registered after the grant, so the withdrawal is first in this customer's line (nothing holds it back).
        await harness.RegisterAsync(receiver, client, WebhookEventTypes.ConsentChanged);
        harness.Clock.Advance(TimeSpan.FromDays(2));
        await harness.SetAsync(customer, PartnerSetup.PurposeKey, Channel.Email, grant: false);
        await harness.Dispatcher().RunOnceAsync();

        var service = new WhereMyDataWentService(harness.Database, new PartnerDeliveryReader(harness.Database), harness.Clock);
        var record = Assert.Single(await service.GetAsync(customer, CultureInfo.GetCultureInfo("en")));

        Assert.Equal(PartnerSetup.PartnerName, record.Name);
        var shared = Assert.Single(record.Shared);
        Assert.Equal(("Sharing with Northwind", false, harness.Clock.GetUtcNow()), (shared.PurposeTitle, shared.Shared, shared.Since));
        var told = Assert.Single(record.Told);
        Assert.False(told.Erasure);
        Assert.Equal(("Sharing with Northwind", expected), (told.PurposeTitle, told.State));
        Assert.Equal(expected == WebhookDeliveryState.Acknowledged, told.AcknowledgedAt is not null);
    }

    [Fact]
    public async Task A_client_that_is_no_partners_is_not_listed_and_another_customers_changes_never_show()
    {
        await using var harness = await WebhookHarness.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using (var db = harness.Database.CreateDbContext())
        {
            await PartnerSetup.AddAsync(db);
        }

        var (customer, other) = (await harness.AddCustomerAsync(), await harness.AddCustomerAsync());
        await harness.RegisterAsync(receiver);
        await harness.SetAsync(other, PartnerSetup.PurposeKey, Channel.Email, grant: true);
        await harness.SetAsync(other, PartnerSetup.PurposeKey, Channel.Email, grant: false);
        await harness.SetAsync(customer, "marketing", Channel.Sms, grant: true);
        await harness.SetAsync(customer, "marketing", Channel.Sms, grant: false);
        await harness.Dispatcher().RunOnceAsync();

        var service = new WhereMyDataWentService(harness.Database, new PartnerDeliveryReader(harness.Database), harness.Clock);

        Assert.Empty(await service.GetAsync(customer, CultureInfo.GetCultureInfo("en")));
        Assert.Empty(Assert.Single(await service.GetAsync(other, CultureInfo.GetCultureInfo("en"))).Told);
    }
}
