using Microsoft.Extensions.Logging.Abstractions;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging.Unsubscribe;
using PreferenceCenter.Tests.Support;

namespace PreferenceCenter.Tests.Features.Messaging;

/// <summary>Group commit: many link withdrawals share transactions, yet each is its own durable, chained ledger entry.</summary>
public sealed class GroupCommitWithdrawalsTests
{
    [Fact]
    public async Task ABurstOfWithdrawals_WithReplaysAmongThem_WritesOneEntryPerCustomer_AndTheChainVerifies()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        var customers = new List<Guid>();
        await using (var db = fixture.Database.CreateDbContext())
        {
            for (var i = 0; i < 40; i++)
            {
                customers.Add(await CatalogBuilder.AddCustomerAsync(db));
            }
        }

        foreach (var id in customers)
        {
            await fixture.Service.SetAsync(Withdraw(id) with { Grant = true, ExpectedVersion = 0, Source = ChangeSource.Web });
        }

        var writer = new GroupCommitWithdrawals(fixture.Service, NullLogger<GroupCommitWithdrawals>.Instance);
        await writer.StartAsync(CancellationToken.None);
        // Every customer twice, all at once: the second of each pair is a replay.
        var results = await Task.WhenAll(customers.Concat(customers).Select(id => writer.SetAsync(Withdraw(id))));
        await writer.StopAsync(CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(40, results.Count(r => r.Outcome == ConsentChangeOutcome.Saved));
        var (_, entries) = await fixture.CountRowsAsync();
        Assert.Equal(80, entries); // 40 grants + 40 withdrawals
        Assert.True((await new LedgerVerifier(fixture.Database).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task SetMany_GivesEachChangeItsOwnResult_RefusalsIncluded()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Email, grant: true));

        var results = await fixture.Service.SetManyAsync([
            Withdraw(fixture.CustomerId),
            Withdraw(fixture.CustomerId) with { PurposeKey = "no-such-purpose" },
            Withdraw(fixture.CustomerId) with { Channel = Channel.Sms },
        ]);

        Assert.Equal([ConsentChangeOutcome.Saved, ConsentChangeOutcome.Rejected, ConsentChangeOutcome.Unchanged], results.Select(r => r.Outcome));
        Assert.Equal((1, 2), await fixture.CountRowsAsync());
    }

    [Fact]
    public async Task SetMany_ChangesToOneConsentInOneBatch_TakeEffectInOrder()
    {
        await using var fixture = await ConsentFixture.CreateAsync();

        // One batch: give SMS (a new row), take it back twice, give it again, and a change for a customer who does not
        // exist. Each result is what that change did after the ones before it, however the batch got committed.
        var results = await fixture.Service.SetManyAsync([
            fixture.Change("marketing", Channel.Sms, grant: true, ConsentChange.AnyVersion),
            fixture.Change("marketing", Channel.Sms, grant: false, ConsentChange.AnyVersion),
            fixture.Change("marketing", Channel.Sms, grant: false, ConsentChange.AnyVersion),
            fixture.Change("marketing", Channel.Sms, grant: true, ConsentChange.AnyVersion),
            Withdraw(Guid.NewGuid()),
        ]);

        Assert.Equal(
            [ConsentChangeOutcome.Saved, ConsentChangeOutcome.Saved, ConsentChangeOutcome.Unchanged, ConsentChangeOutcome.Saved, ConsentChangeOutcome.Rejected],
            results.Select(r => r.Outcome));
        Assert.Equal((1, 3), await fixture.CountRowsAsync());
        Assert.True((await new LedgerVerifier(fixture.Database).VerifyAsync()).IsIntact);
    }

    private static ConsentChange Withdraw(Guid customer) =>
        new(customer, "marketing", Channel.Email, Grant: false, ConsentChange.AnyVersion, Actor.Customer(customer), ChangeSource.OneClickUnsubscribe);
}
