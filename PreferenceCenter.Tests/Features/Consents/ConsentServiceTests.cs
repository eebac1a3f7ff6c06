using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Tests.Features.Consents;

public sealed class ConsentServiceTests
{
    [Fact]
    public async Task Set_WhenGrantingForTheFirstTime_SavesStateAndLedgerEntryTogether()
    {
        await using var fixture = await ConsentFixture.CreateAsync();

        var result = await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Sms, grant: true));

        Assert.Equal(ConsentChangeOutcome.Saved, result.Outcome);
        Assert.Equal(new ConsentCell("marketing", Channel.Sms, true, ConsentFixture.Now, ConsentFixture.Now.AddMonths(24), 1), result.Current);
        await using var db = fixture.Database.CreateDbContext();
        var consent = await db.Consents.SingleAsync();
        Assert.Equal((ConsentState.Granted, 1, ChangeSource.Web), (consent.State, consent.NoticeVersion, consent.Source));
        var entry = await db.LedgerEntries.OrderBy(e => e.Sequence).LastAsync();
        Assert.Equal(LedgerEventType.ConsentGranted, entry.EventType);
        Assert.Equal((fixture.CustomerId, ActorKind.Customer, fixture.CustomerId.ToString()), (entry.SubjectId!.Value, entry.ActorKind, entry.ActorId));
        Assert.Equal(("marketing", Channel.Sms, "not-given", "granted", 1), (entry.PurposeKey, entry.Channel!.Value, entry.Before, entry.After, entry.NoticeVersion!.Value));
        Assert.Equal(ConsentFixture.Now, entry.OccurredAt);
    }

    [Fact]
    public async Task Set_WhenWithdrawing_TurnsItOffAndRecordsWhoAndWhen()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Sms, grant: true));
        fixture.Clock.Advance(TimeSpan.FromHours(3));

        var result = await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Sms, grant: false, expectedVersion: 1));

        Assert.Equal(new ConsentCell("marketing", Channel.Sms, false, ConsentFixture.Now.AddHours(3), null, 2), result.Current);
        await using var db = fixture.Database.CreateDbContext();
        var last = await db.LedgerEntries.OrderBy(e => e.Sequence).LastAsync();
        Assert.Equal((LedgerEventType.ConsentWithdrawn, "granted", "withdrawn"), (last.EventType, last.Before, last.After));
    }

    [Fact]
    public async Task GetCells_ForANewCustomer_HasNothingSwitchedOn()
    {
        await using var fixture = await ConsentFixture.CreateAsync();

        Assert.Empty(await fixture.Service.GetCellsAsync(fixture.CustomerId));
    }

    [Fact]
    public async Task GetCells_AfterExpiry_ShowsTheConsentAsOffWithoutAnyJobRunning()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        await fixture.Service.SetAsync(fixture.Change("profiling", Channel.Email, grant: true));

        fixture.Clock.Advance(TimeSpan.FromDays(366));

        Assert.False((await fixture.Service.GetCellsAsync(fixture.CustomerId))[("profiling", Channel.Email)].IsOn);
    }

    public static TheoryData<string, Channel, ConsentProblem> BadChanges => new()
    {
        { "nonexistent", Channel.Email, ConsentProblem.UnknownPurpose },
        { "marketing", (Channel)99, ConsentProblem.UnknownChannel },
        { "profiling", Channel.Sms, ConsentProblem.NotOfferedOnChannel },
        { "service", Channel.Email, ConsentProblem.NotBasedOnConsent },
    };

    [Theory]
    [MemberData(nameof(BadChanges))]
    public async Task Set_WithBadInput_IsRejectedWithASpecificMessageAndWritesNothing(string purpose, Channel channel, ConsentProblem problem)
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        var before = await fixture.CountRowsAsync();

        var result = await fixture.Service.SetAsync(fixture.Change(purpose, channel, grant: true));

        Assert.Equal((ConsentChangeOutcome.Rejected, problem), (result.Outcome, result.Problem!.Value));
        Assert.Equal(ConsentRules.Describe(problem, purpose, channel), result.Message);
        Assert.Equal(before, await fixture.CountRowsAsync());
    }

    [Fact]
    public async Task Set_ForACustomerWhoIsNotActive_IsRejectedAndWritesNothing()
    {
        await using var fixture = await ConsentFixture.CreateAsync(CustomerStatus.Erased);

        var result = await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Email, grant: true));

        Assert.Equal(ConsentProblem.CustomerNotActive, result.Problem);
        Assert.Equal((0, 0), await fixture.CountRowsAsync());
    }

    [Fact]
    public async Task Set_ForAnotherCustomersId_IsRejectedAndWritesNothing()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        var intruder = Guid.NewGuid();

        var result = await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Email, grant: true) with { Actor = Actor.Customer(intruder) });

        Assert.Equal(ConsentProblem.ActorIsNotSubject, result.Problem);
        Assert.Equal((0, 0), await fixture.CountRowsAsync());
    }

    [Fact]
    public async Task Set_WhenTheVersionSeenIsStale_ReportsAConflictWithTheCurrentStateAndOverwritesNothing()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Sms, grant: true));       // tab A turns it on
        var before = await fixture.CountRowsAsync();

        var stale = await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Sms, grant: true)); // tab B still saw version 0

        Assert.Equal(ConsentChangeOutcome.Conflict, stale.Outcome);
        Assert.Equal((true, 1), (stale.Current!.IsOn, stale.Current.Version));
        Assert.Contains("changed elsewhere", stale.Message, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CountRowsAsync());
    }

    [Fact]
    public async Task Set_WhenTwoWritersRaceOnTheSameConsent_OneWinsAndTheOtherIsToldNothingIsLost()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        var start = new TaskCompletionSource();

        var racers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Push, grant: true));
        })).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(racers);

        Assert.Equal(
            [ConsentChangeOutcome.Saved, ConsentChangeOutcome.Conflict],
            results.Select(r => r.Outcome).Order());
        Assert.Equal((1, 1), await fixture.CountRowsAsync());
        Assert.True((await new LedgerVerifier(fixture.Database).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Set_WhenAlreadyInTheRequestedState_ChangesNothingAndAddsNoEntry()
    {
        await using var fixture = await ConsentFixture.CreateAsync();

        var result = await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Email, grant: false));

        Assert.Equal(ConsentChangeOutcome.Unchanged, result.Outcome);
        Assert.Equal((0, 0), await fixture.CountRowsAsync());
    }

    [Fact]
    public async Task Set_WhenGrantingAgainAfterExpiry_RenewsForAFullPeriod()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        await fixture.Service.SetAsync(fixture.Change("profiling", Channel.Email, grant: true));
        fixture.Clock.Advance(TimeSpan.FromDays(400));

        var result = await fixture.Service.SetAsync(fixture.Change("profiling", Channel.Email, grant: true, expectedVersion: 1));

        Assert.Equal(ConsentChangeOutcome.Saved, result.Outcome);
        Assert.Equal(ConsentFixture.Now.AddDays(400).AddMonths(12), result.Current!.ExpiresAt);
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal("expired", (await db.LedgerEntries.OrderBy(e => e.Sequence).LastAsync()).Before);
    }

    [Fact]
    public async Task WithdrawAll_TurnsEveryConsentOffInOneActionWithOneEntryEach()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Email, grant: true));
        await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Sms, grant: true));
        await fixture.Service.SetAsync(fixture.Change("profiling", Channel.Email, grant: true));

        var withdrawn = await fixture.Service.WithdrawAllAsync(fixture.CustomerId, Actor.Customer(fixture.CustomerId), ChangeSource.Web);

        Assert.Equal(3, withdrawn);
        Assert.DoesNotContain(await fixture.Service.GetCellsAsync(fixture.CustomerId), c => c.Value.IsOn);
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal(3, await db.LedgerEntries.CountAsync(e => e.EventType == LedgerEventType.ConsentWithdrawn));
        Assert.True((await new LedgerVerifier(fixture.Database).VerifyAsync()).IsIntact);
    }
}
