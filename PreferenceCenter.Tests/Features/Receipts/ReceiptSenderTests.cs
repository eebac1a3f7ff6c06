using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.History;
using PreferenceCenter.Features.Preferences.Receipts;
using PreferenceCenter.Features.Receipts;
using PreferenceCenter.Tests.Features.Consents.Lifecycle;

namespace PreferenceCenter.Tests.Features.Receipts;

/// <summary>The grouping rule end to end on a real database and a fake clock: one receipt per session of changes.</summary>
public sealed class ReceiptSenderTests
{
    private static readonly DateTimeOffset Start = LifecycleFixture.Now;

    [Fact]
    public async Task ThreeChangesWithinTheQuietPeriod_GetOneReceipt_AndAChangeAfterItASecond()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        var sender = fixture.Get<ReceiptSender>();

        await fixture.SetAsync("marketing", Channel.Email, grant: true);
        fixture.Clock.SetUtcNow(Start.AddMinutes(3));
        await fixture.SetAsync("marketing", Channel.Sms, grant: true);
        fixture.Clock.SetUtcNow(Start.AddMinutes(6));
        await fixture.SetAsync("profiling", Channel.Email, grant: true);

        // Ten quiet minutes (the default) have not passed since the third change: the session is still open.
        fixture.Clock.SetUtcNow(Start.AddMinutes(15));
        Assert.Equal(0, await sender.RunOnceAsync());
        fixture.Clock.SetUtcNow(Start.AddMinutes(16));
        Assert.Equal(1, await sender.RunOnceAsync());
        Assert.Equal(0, await sender.RunOnceAsync());

        fixture.Clock.SetUtcNow(Start.AddMinutes(30));
        await fixture.SetAsync("marketing", Channel.Post, grant: true);
        fixture.Clock.SetUtcNow(Start.AddMinutes(40));
        Assert.Equal(1, await sender.RunOnceAsync());

        var changes = await ChangeSequencesAsync(fixture);
        var receipts = await fixture.EntriesAsync(LedgerEventType.ReceiptSent);
        Assert.Equal(2, receipts.Count);
        Assert.Equal(("3", S(changes[0]), S(changes[2])), (receipts[0].Detail, receipts[0].Before, receipts[0].After));
        Assert.Equal(("1", S(changes[3]), S(changes[3])), (receipts[1].Detail, receipts[1].Before, receipts[1].After));
        Assert.Equal([Start.AddMinutes(16), Start.AddMinutes(40)], receipts.Select(r => r.OccurredAt));
        Assert.Equal(2, (await fixture.OutboxAsync()).Count(m => m.Subject!.StartsWith("Your receipt", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TwoSessionsFoundByALateRun_GetAReceiptEach()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        await fixture.SetAsync("marketing", Channel.Email, grant: true);
        fixture.Clock.SetUtcNow(Start.AddMinutes(11));
        await fixture.SetAsync("marketing", Channel.Sms, grant: true);
        fixture.Clock.SetUtcNow(Start.AddHours(2));

        Assert.Equal(2, await fixture.Get<ReceiptSender>().RunOnceAsync());

        Assert.Equal(["1", "1"], (await fixture.EntriesAsync(LedgerEventType.ReceiptSent)).Select(r => r.Detail));
    }

    [Fact]
    public async Task ChangesWhileReceiptsAreOff_GetNoReceipt_EvenAfterTheyAreTurnedOnAgain()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        var settings = fixture.Get<ReceiptSettings>();
        await fixture.SetAsync("marketing", Channel.Email, grant: true);
        Assert.True(await settings.SetAsync(fixture.CustomerId, on: false, Actor.Customer(fixture.CustomerId), ChangeSource.Web));
        await fixture.SetAsync("marketing", Channel.Sms, grant: true);
        fixture.Clock.SetUtcNow(Start.AddHours(1));
        Assert.Equal(0, await fixture.Get<ReceiptSender>().RunOnceAsync());

        Assert.True(await settings.SetAsync(fixture.CustomerId, on: true, Actor.Customer(fixture.CustomerId), ChangeSource.Web));
        Assert.False(await settings.SetAsync(fixture.CustomerId, on: true, Actor.Customer(fixture.CustomerId), ChangeSource.Web));
        fixture.Clock.SetUtcNow(Start.AddHours(2));

        Assert.Equal(0, await fixture.Get<ReceiptSender>().RunOnceAsync());
        Assert.Equal(
            [LedgerEventType.ReceiptsTurnedOff, LedgerEventType.ReceiptsTurnedOn],
            (await fixture.EntriesAsync(LedgerEventType.ReceiptsTurnedOff)).Concat(await fixture.EntriesAsync(LedgerEventType.ReceiptsTurnedOn)).Select(e => e.EventType));
    }

    private static string S(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);

    private static async Task<List<long>> ChangeSequencesAsync(LifecycleFixture fixture)
    {
        await using var db = fixture.Database.CreateDbContext();
        var types = ReceiptRules.Changes.ToList();
        return await db.LedgerEntries.Where(e => e.SubjectId == fixture.CustomerId && types.Contains(e.EventType))
            .OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
    }
}
