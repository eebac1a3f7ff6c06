using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Consents.Batch;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Consents.Batch;

/// <summary>Group commit: many link withdrawals share transactions, yet each is its own durable, chained ledger entry.</summary>
public sealed class GroupCommitWithdrawalsTests
{
    [Fact]
    public async Task ABurstOfWithdrawals_WithReplaysAmongThem_WritesOneEntryPerCustomer_AndTheChainVerifies()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        var customers = await CustomersWhoGaveAsync(fixture, 40, Channel.Email);

        var writer = new GroupCommitWithdrawals(fixture.Service, NullLogger<GroupCommitWithdrawals>.Instance);
        await writer.StartAsync(CancellationToken.None);
        // Every customer twice, all at once: the second of each pair is a replay.
        var results = await Task.WhenAll(customers.Concat(customers).Select(id => writer.WithdrawAsync(Withdraw(id))));
        await writer.StopAsync(CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(40, results.Count(r => r.Outcome == ConsentChangeOutcome.Saved));
        var (_, entries) = await fixture.CountRowsAsync();
        Assert.Equal(80, entries); // 40 grants + 40 withdrawals
        Assert.True((await new LedgerVerifier(fixture.Database).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task StoppingMidBatch_WritesAnsweredWithdrawalsOnly_AndAfterARestartEachIsRecordedOnce()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        var customers = await CustomersWhoGaveAsync(fixture, 30, Channel.Sms);
        var writer = new GroupCommitWithdrawals(fixture.Service, NullLogger<GroupCommitWithdrawals>.Instance);
        await writer.StartAsync(CancellationToken.None);

        // Another writer holds SQLite's write lock, so the batch waits in BEGIN while the app is told to stop.
        Task<ConsentChangeResult>[] requests;
        await using (var other = fixture.Database.CreateDbContext())
        await using (var lockHolder = await other.BeginWriteAsync())
        {
            requests = [.. customers.Select(id => writer.WithdrawAsync(Withdraw(id) with { Channel = Channel.Sms }))];
            await Task.Delay(200);
            var stop = writer.StopAsync(CancellationToken.None);
            await lockHolder.RollbackAsync();
            await stop;
        }

        // Every request was either answered once its withdrawal was durable, or failed and left the consent on.
        await Task.WhenAll(requests.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        var answered = requests.Count(r => r.IsCompletedSuccessfully);
        Assert.All(requests, r => Assert.True(r.IsCompletedSuccessfully ? r.Result.Outcome == ConsentChangeOutcome.Saved : r.IsCanceled));
        Assert.Equal((30, 30 + answered), await fixture.CountRowsAsync());

        // The mailbox providers retry what failed; the restarted app writes each withdrawal exactly once.
        var restarted = new GroupCommitWithdrawals(fixture.Service, NullLogger<GroupCommitWithdrawals>.Instance);
        await restarted.StartAsync(CancellationToken.None);
        await Task.WhenAll(customers.Select(id => restarted.WithdrawAsync(Withdraw(id) with { Channel = Channel.Sms })));
        await restarted.StopAsync(CancellationToken.None);
        Assert.Equal((30, 60), await fixture.CountRowsAsync());
        Assert.True((await new LedgerVerifier(fixture.Database).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task WithdrawMany_GivesEachChangeItsOwnResult_RefusalsIncluded()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Email, grant: true));

        var results = await fixture.Service.WithdrawManyAsync([
            Withdraw(fixture.CustomerId),
            Withdraw(fixture.CustomerId) with { PurposeKey = "no-such-purpose" },
            Withdraw(fixture.CustomerId) with { Channel = Channel.Sms },
            Withdraw(Guid.NewGuid()),
        ]);

        Assert.Equal(
            [ConsentChangeOutcome.Saved, ConsentChangeOutcome.Rejected, ConsentChangeOutcome.Unchanged, ConsentChangeOutcome.Rejected],
            results.Select(r => r.Outcome));
        Assert.Equal([null, ConsentProblem.UnknownPurpose, null, ConsentProblem.UnknownCustomer], results.Select(r => r.Problem));
        Assert.Equal((1, 2), await fixture.CountRowsAsync());
    }

    [Fact]
    public async Task WithdrawMany_TheSameConsentTwiceInOneBatch_IsWithdrawnOnce()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Sms, grant: true));

        var results = await fixture.Service.WithdrawManyAsync([Withdraw(fixture.CustomerId) with { Channel = Channel.Sms }, Withdraw(fixture.CustomerId) with { Channel = Channel.Sms }]);

        Assert.Equal([ConsentChangeOutcome.Saved, ConsentChangeOutcome.Unchanged], results.Select(r => r.Outcome));
        Assert.All(results, r => Assert.Equal(2, r.Current!.Version));
        Assert.Equal((1, 2), await fixture.CountRowsAsync());
    }

    [Fact]
    public async Task WithdrawMany_StoresTheRowAndEntry_ByteForByteAsSetAsyncDoes()
    {
        // The batch writes with its own prepared statements; every column must be stored as EF stores it (Guid
        // case, milliseconds, enums as numbers, nulls), or later queries would silently miss the rows.
        await using var fixture = await ConsentFixture.CreateAsync();
        var customers = await CustomersWhoGaveAsync(fixture, 2, Channel.Sms);
        var (batched, single) = (customers[0], customers[1]);

        fixture.Clock.Advance(TimeSpan.FromDays(3));
        await fixture.Service.WithdrawManyAsync([Withdraw(batched) with { Channel = Channel.Sms }]);
        await fixture.Service.SetAsync(Withdraw(single) with { Channel = Channel.Sms });

        const string consent = """SELECT * FROM "Consents" WHERE lower(CAST("CustomerId" AS TEXT)) = lower(@id)""";
        const string entry = """SELECT * FROM "LedgerEntries" WHERE lower(CAST("SubjectId" AS TEXT)) = lower(@id) ORDER BY "Sequence" DESC LIMIT 1""";
        Assert.Equal(await StoredRows.ReadAsync(fixture.Database, single, consent), await StoredRows.ReadAsync(fixture.Database, batched, consent));
        Assert.Equal(await StoredRows.ReadAsync(fixture.Database, single, entry), await StoredRows.ReadAsync(fixture.Database, batched, entry));
        Assert.Equal("withdrawn", (await StoredRows.ReadAsync(fixture.Database, batched, entry))["After"]);
        Assert.True((await new LedgerVerifier(fixture.Database).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task WithdrawMany_WhenOneRowCannotBeWritten_TheOthersStillAre_AndOnlyThatOneReportsAConflict()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        var customers = await CustomersWhoGaveAsync(fixture, 3, Channel.Sms);

        // Stands for any write failure inside the batch (a lock, a constraint): the database refuses one customer's row.
        await fixture.Database.RefuseWritesAsync("Consents", "UPDATE", "refused",
            sqliteWhen: $"lower(NEW.CustomerId) = '{customers[1]}'", postgreSqlWhen: $"NEW.\"CustomerId\" = '{customers[1]}'");

        var results = await fixture.Service.WithdrawManyAsync([.. customers.Select(id => Withdraw(id) with { Channel = Channel.Sms })]);

        Assert.Equal([ConsentChangeOutcome.Saved, ConsentChangeOutcome.Conflict, ConsentChangeOutcome.Saved], results.Select(r => r.Outcome));
        Assert.True(results[1].Current!.IsOn);
        Assert.Equal((3, 5), await fixture.CountRowsAsync()); // 3 grants + 2 withdrawals
        Assert.True((await new LedgerVerifier(fixture.Database).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task GrantsAreNotGroupCommitted()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        var writer = new GroupCommitWithdrawals(fixture.Service, NullLogger<GroupCommitWithdrawals>.Instance);

        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Service.WithdrawManyAsync([fixture.Change("marketing", Channel.Sms, grant: true)]));
        await Assert.ThrowsAsync<ArgumentException>(() => writer.WithdrawAsync(fixture.Change("marketing", Channel.Sms, grant: true)));
        Assert.Equal((0, 0), await fixture.CountRowsAsync());
    }

    // New customers who each gave marketing on the channel (by email that awaits confirmation: double opt-in).
    private static async Task<List<Guid>> CustomersWhoGaveAsync(ConsentFixture fixture, int count, Channel channel)
    {
        var customers = new List<Guid>();
        await using (var db = fixture.Database.CreateDbContext())
        {
            for (var i = 0; i < count; i++)
            {
                customers.Add(await CatalogBuilder.AddCustomerAsync(db));
            }
        }

        foreach (var id in customers)
        {
            await fixture.Service.SetAsync(Withdraw(id) with { Channel = channel, Grant = true, ExpectedVersion = 0, Source = ChangeSource.Web });
        }

        return customers;
    }

    private static ConsentChange Withdraw(Guid customer) =>
        new(customer, "marketing", Channel.Email, Grant: false, ConsentChange.AnyVersion, Actor.Customer(customer), ChangeSource.OneClickUnsubscribe);
}
