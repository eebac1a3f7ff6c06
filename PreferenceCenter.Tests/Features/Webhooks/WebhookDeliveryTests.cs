using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Webhooks;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Webhooks;

/// <summary>
/// End to end against a real receiver on loopback that verifies signatures itself and fails on purpose: nothing is
/// lost, retries carry the same webhook-id, one customer's failing event holds back only that customer's later ones.
/// </summary>
public sealed class WebhookDeliveryTests
{
    [Fact]
    public async Task A_consent_change_reaches_the_receiver_signed_with_the_reference_and_no_personal_data()
    {
        await using var harness = await WebhookHarness.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var customer = await harness.AddCustomerAsync();
        await harness.RegisterAsync(receiver);

        await harness.SetAsync(customer, "marketing", Channel.Sms, grant: true);
        await harness.Dispatcher().RunOnceAsync();

        var got = Assert.Single(receiver.Received);
        Assert.True(got.Verified, "The receiver's own HMAC check failed.");
        Assert.Equal(harness.Clock.GetUtcNow().ToUnixTimeSeconds(), got.Timestamp);
        var data = JsonDocument.Parse(got.Body).RootElement;
        Assert.Equal("consent.changed", data.GetProperty("type").GetString());
        Assert.Equal(await harness.ReferenceOfAsync(customer), data.GetProperty("data").GetProperty("customer").GetString());
        Assert.Equal("marketing", data.GetProperty("data").GetProperty("purpose").GetString());
        Assert.Equal("sms", data.GetProperty("data").GetProperty("channel").GetString());
        Assert.Equal("granted", data.GetProperty("data").GetProperty("state").GetString());
        Assert.DoesNotContain(CatalogBuilder.EmailOf(customer), got.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(customer.ToString(), got.Body, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(Assert.Single(await harness.DeliveriesAsync()).AcknowledgedAt);
    }

    [Fact]
    public async Task Failures_lose_nothing_retries_keep_the_id_and_order_holds_per_customer_only()
    {
        await using var harness = await WebhookHarness.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var (slow, other) = (await harness.AddCustomerAsync(), await harness.AddCustomerAsync());
        await harness.RegisterAsync(receiver);
        var slowReference = await harness.ReferenceOfAsync(slow);
        await harness.SetAsync(slow, "marketing", Channel.Email, grant: true);
        await harness.SetAsync(slow, "marketing", Channel.Sms, grant: true);
        await harness.SetAsync(other, "marketing", Channel.Sms, grant: true);
        await harness.SetAsync(slow, "marketing", Channel.Email, grant: false);
        await new WebhookFanOut(harness.Database, harness.Clock, Microsoft.Extensions.Options.Options.Create(harness.Options)).RunAsync();
        // The slow customer's first event: a 500, then an answer after the timeout, then a reader too slow, then OK.
        var first = (await harness.DeliveriesAsync()).First(d => d.CustomerId == slow).MessageId;
        receiver.Behave = (attempt, id) => id != first ? ReceiverBehaviour.Ok : attempt switch
        {
            1 => ReceiverBehaviour.ServerError,
            2 => ReceiverBehaviour.AnswerLate,
            3 => ReceiverBehaviour.SlowReader,
            _ => ReceiverBehaviour.Ok,
        };
        var dispatcher = harness.Dispatcher();

        await dispatcher.RunOnceAsync();
        // The other customer is not held back by the slow one's failing event; the slow one's later events are.
        var afterFirst = receiver.Received;
        Assert.Contains(afterFirst, r => r.Customer != slowReference);
        Assert.Single(afterFirst, r => r.Customer == slowReference);

        await harness.DrainAsync(dispatcher);

        var deliveries = await harness.DeliveriesAsync();
        Assert.Equal(4, deliveries.Count);
        Assert.All(deliveries, d => Assert.NotNull(d.AcknowledgedAt));
        Assert.True(deliveries.Single(d => d.Attempts > 1).Attempts >= 3);
        var got = receiver.Received;
        Assert.All(got, r => Assert.True(r.Verified));
        // Every delivery arrived, and every copy of one event carried that event's id and body.
        Assert.Equal(deliveries.Select(d => d.MessageId).Order(), got.Select(r => r.Id).Distinct().Order());
        Assert.All(got.GroupBy(r => r.Id), copies => Assert.Single(copies.Select(c => c.Body).Distinct()));
        Assert.Contains(got.GroupBy(r => r.Id), copies => copies.Count() > 1);
        // Per customer, nothing arrived before an earlier event of theirs had arrived.
        var slowOrder = got.Where(r => r.Customer == slowReference).Select(r => r.Sequence).ToList();
        Assert.Equal(slowOrder.Order(), slowOrder);
    }

    [Fact]
    public async Task A_410_disables_the_endpoint_with_a_ledger_entry_and_nothing_more_is_sent()
    {
        await using var harness = await WebhookHarness.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var customer = await harness.AddCustomerAsync();
        var endpoint = await harness.RegisterAsync(receiver);
        receiver.Behave = (_, _) => ReceiverBehaviour.Gone;
        await harness.SetAsync(customer, "marketing", Channel.Sms, grant: true);
        var dispatcher = harness.Dispatcher();

        await dispatcher.RunOnceAsync();
        await harness.SetAsync(customer, "marketing", Channel.Sms, grant: false);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await dispatcher.RunOnceAsync();

        Assert.Single(receiver.Received);
        await using var db = harness.Database.CreateDbContext();
        Assert.NotNull((await db.WebhookEndpoints.SingleAsync(e => e.Id == endpoint)).DisabledAt);
        var entry = await db.LedgerEntries.SingleAsync(e => e.EventType == LedgerEventType.WebhookEndpointDisabled);
        Assert.Contains($"endpoint={endpoint:N}", entry.Detail, StringComparison.Ordinal);
        Assert.True((await new LedgerVerifier(harness.Database).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task A_delivery_failing_past_the_dead_letter_time_stops_and_send_again_delivers_it_with_the_same_id()
    {
        await using var harness = await WebhookHarness.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var customer = await harness.AddCustomerAsync();
        var endpoint = await harness.RegisterAsync(receiver);
        receiver.Behave = (_, _) => ReceiverBehaviour.ServerError;
        await harness.SetAsync(customer, "marketing", Channel.Sms, grant: true);
        var dispatcher = harness.Dispatcher();

        await harness.DrainAsync(dispatcher, rounds: 20);
        var dead = Assert.Single(await harness.DeliveriesAsync());
        Assert.NotNull(dead.DeadLetteredAt);
        var health = Assert.Single(await harness.Admin.ListAsync());
        Assert.Equal((1, 0, 0), (health.DeadLetters, health.Backlog, health.Failing));
        var tries = receiver.Received.Count;
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await dispatcher.RunOnceAsync();
        Assert.Equal(tries, receiver.Received.Count);

        receiver.Behave = (_, _) => ReceiverBehaviour.Ok;
        Assert.Equal(1, (await harness.Admin.SendDeadLettersAgainAsync(endpoint, "officer")).Count);
        await dispatcher.RunOnceAsync();

        Assert.Equal(tries + 1, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct());
        Assert.NotNull(Assert.Single(await harness.DeliveriesAsync()).AcknowledgedAt);
        Assert.NotNull((await harness.Admin.ListAsync())[0].LastSuccessAt);
    }

    [Fact]
    public async Task Two_instances_never_send_the_same_event_at_once()
    {
        await using var harness = await WebhookHarness.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Slowness = TimeSpan.FromMilliseconds(300);
        receiver.Behave = (_, _) => ReceiverBehaviour.AnswerLate;
        await harness.RegisterAsync(receiver);
        for (var i = 0; i < 3; i++)
        {
            await harness.SetAsync(await harness.AddCustomerAsync(), "marketing", Channel.Sms, grant: true);
        }

        var ran = await Task.WhenAll(harness.Dispatcher().RunOnceAsync(), harness.Dispatcher().RunOnceAsync());

        Assert.Single(ran, r => r);
        Assert.Equal(1, receiver.MostConcurrentForOneId);
        Assert.Equal(3, receiver.Received.Select(r => r.Id).Distinct().Count());
        Assert.Equal(3, receiver.Received.Count);
    }

    [Fact]
    public async Task A_change_and_its_event_commit_together_a_rolled_back_change_leaves_neither()
    {
        await using var harness = await WebhookHarness.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var customer = await harness.AddCustomerAsync();
        await harness.RegisterAsync(receiver);

        await using (var db = harness.Database.CreateDbContext())
        {
            await using var tx = await db.BeginWriteAsync();
            await harness.Ledger.AppendAsync(db, new LedgerDraft(
                LedgerEventType.ConsentWithdrawn, Actor.Customer(customer), customer, ChangeSource.Web, 1, "marketing", Channel.Email, "granted", "withdrawn"));
            await db.SaveChangesAsync();
            // No commit: the transaction rolls back as a failed change would.
        }

        var fanOut = new WebhookFanOut(harness.Database, harness.Clock, Microsoft.Extensions.Options.Options.Create(harness.Options));
        Assert.Equal(0, await fanOut.RunAsync());
        await harness.SetAsync(customer, "marketing", Channel.Email, grant: true);
        Assert.Equal(1, await fanOut.RunAsync());
        Assert.Equal(0, await fanOut.RunAsync());
        Assert.Equal("consent.changed", Assert.Single(await harness.DeliveriesAsync()).EventType);
    }

    [Fact]
    public async Task Group_committed_link_withdrawals_become_events_too()
    {
        await using var harness = await WebhookHarness.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var customer = await harness.AddCustomerAsync();
        await harness.SetAsync(customer, "marketing", Channel.Email, grant: true);
        await harness.RegisterAsync(receiver, null, WebhookEventTypes.ConsentChanged);

        await harness.Consents.WithdrawManyAsync([new PreferenceCenter.Features.Consents.ConsentChange(
            customer, "marketing", Channel.Email, false, PreferenceCenter.Features.Consents.ConsentChange.AnyVersion,
            Actor.Customer(customer), ChangeSource.OneClickUnsubscribe)]);
        // Drained, not run once: on a loaded machine the first attempt can outlast the harness's short timeout.
        await harness.DrainAsync(harness.Dispatcher());

        var got = receiver.Received[0];
        Assert.All(receiver.Received, r => Assert.Equal(got.Body, r.Body));
        var data = JsonDocument.Parse(got.Body).RootElement.GetProperty("data");
        Assert.Equal(("withdrawn", "oneclickunsubscribe"), (data.GetProperty("state").GetString(), data.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task An_endpoint_hears_only_the_types_it_chose_and_only_changes_after_it_was_registered()
    {
        await using var harness = await WebhookHarness.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var customer = await harness.AddCustomerAsync();
        await harness.SetAsync(customer, "marketing", Channel.Sms, grant: true);
        await harness.RegisterAsync(receiver, null, WebhookEventTypes.PreferencesChanged);

        await harness.SetAsync(customer, "marketing", Channel.Sms, grant: false);
        await harness.Dispatcher().RunOnceAsync();

        Assert.Empty(receiver.Received);
        Assert.Empty(await harness.DeliveriesAsync());
    }
}
