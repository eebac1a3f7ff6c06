using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Retention;
using PreferenceCenter.Infrastructure.Jobs;

namespace PreferenceCenter.Tests.Features.Retention;

/// <summary>The job across runs: what the officer previews is what goes, once; the clock decides; the lease keeps it single.</summary>
public sealed class RetentionRunnerTests
{
    private static readonly DateTimeOffset Now = RetentionFixture.Now;
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public async Task Preview_CountsWhatTheNextRunDeletes_ThenTheRunDeletesItOnce_AndTheLedgerStillVerifies()
    {
        await using var fixture = await RetentionFixture.CreateAsync();
        var gone = new[] { await fixture.AddAnsweringCustomerAsync(), await fixture.AddAnsweringCustomerAsync() };
        var kept = await fixture.AddAnsweringCustomerAsync();
        foreach (var customer in gone)
        {
            await fixture.AddConsentAsync(customer, "marketing", Channel.Email, ConsentState.Withdrawn, Now.AddDays(-45));
        }

        await fixture.AddConsentAsync(kept, "marketing", Channel.Email, ConsentState.Withdrawn, Now.AddDays(-5));

        var before = await fixture.Preview.PreviewAsync(English);
        Assert.Equal([new RetentionPreview("marketing", "Marketing", 30, 2, 2), new RetentionPreview("profiling", "Profiling", 0, 0, 0)], before);

        Assert.Equal(2, await fixture.Runner.RunAsync());
        Assert.Equal(0, await fixture.Runner.RunAsync());

        Assert.Equal(gone.Order(), (await fixture.DeletionsAsync()).Select(e => e.SubjectId!.Value).Order());
        Assert.All(await fixture.Preview.PreviewAsync(English), p => Assert.Equal((0, 0), (p.Customers, p.Answers)));
        Assert.Equal(["marketing", "profiling", "service"], await fixture.AnsweredPurposesAsync(kept));
        Assert.True((await new LedgerVerifier(fixture.Database).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Run_WaitsForTheClock_TheDayTheRetentionEnds()
    {
        await using var fixture = await RetentionFixture.CreateAsync();
        var customer = await fixture.AddAnsweringCustomerAsync();
        await fixture.AddConsentAsync(customer, "marketing", Channel.Email, ConsentState.Withdrawn, Now);

        fixture.Clock.SetUtcNow(Now.AddDays(30).AddMilliseconds(-1));
        Assert.Equal(0, await fixture.Runner.RunAsync());
        fixture.Clock.SetUtcNow(Now.AddDays(30));
        Assert.Equal(1, await fixture.Runner.RunAsync());

        Assert.Equal(["profiling", "service"], await fixture.AnsweredPurposesAsync(customer));
        Assert.Equal(LedgerTime.Format(Now.AddDays(30)), LedgerTime.Format(Assert.Single(await fixture.DeletionsAsync()).OccurredAt));
    }

    [Fact]
    public async Task Run_WithNoPeriodSet_KeepsTheDataUntilErasure()
    {
        await using var fixture = await RetentionFixture.CreateAsync(marketingDays: null);
        var customer = await fixture.AddAnsweringCustomerAsync();
        await fixture.AddConsentAsync(customer, "marketing", Channel.Email, ConsentState.Withdrawn, Now.AddYears(-5));

        Assert.Equal(0, await fixture.Runner.RunAsync());

        Assert.Equal(["marketing", "profiling", "service"], await fixture.AnsweredPurposesAsync(customer));
        Assert.Equal(new RetentionPreview("marketing", "Marketing", null, 0, 0), (await fixture.Preview.PreviewAsync(English))[0]);
    }

    [Fact]
    public async Task Job_WhileAnotherInstanceHoldsTheLease_DeletesNothing()
    {
        await using var fixture = await RetentionFixture.CreateAsync();
        var customer = await fixture.AddAnsweringCustomerAsync();
        await fixture.AddConsentAsync(customer, "marketing", Channel.Email, ConsentState.Withdrawn, Now.AddDays(-45));
        var lease = new DatabaseLease(fixture.Database, fixture.Clock);
        using var job = new RetentionJob(fixture.Runner, Options.Create(new RetentionOptions()), lease, fixture.Clock, NullLogger<RetentionJob>.Instance);
        Assert.True(await lease.TryAcquireAsync(RetentionRunner.ActorName, "another-instance", TimeSpan.FromMinutes(5)));

        Assert.False(await job.RunOnceAsync());
        Assert.Equal(3, (await fixture.AnsweredPurposesAsync(customer)).Count);

        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await job.RunOnceAsync());
        Assert.Equal(["profiling", "service"], await fixture.AnsweredPurposesAsync(customer));
    }
}
