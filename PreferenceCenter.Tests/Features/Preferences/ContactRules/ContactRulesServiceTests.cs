using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Preferences;
using PreferenceCenter.Features.Preferences.ContactRules;

namespace PreferenceCenter.Tests.Features.Preferences.ContactRules;

public sealed class ContactRulesServiceTests
{
    [Fact]
    public async Task Get_WithNothingSet_IsAsItHappensAndNotPausedOnEveryChannel()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();

        var rules = await fixture.ContactRules.GetAsync(fixture.CustomerId);

        Assert.Equal(ChannelSetExtensions.AllChannels.Select(ContactRuleView.Default), rules.Values);
    }

    [Fact]
    public async Task SetFrequency_SavesItWithALedgerEntryOfBeforeAndAfter()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();

        var result = await fixture.ContactRules.SetFrequencyAsync(fixture.CustomerId, Channel.Email, ContactFrequency.WeeklyDigest, ContactFrequency.AsItHappens, fixture.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeResult.Saved(PreferenceFixture.Now), result);
        Assert.Equal(ContactFrequency.WeeklyDigest, (await fixture.ContactRules.GetAsync(fixture.CustomerId))[Channel.Email].Frequency);
        var entry = (await fixture.LedgerAsync()).Single();
        Assert.Equal((LedgerEventType.ContactFrequencyChanged, Channel.Email, "as-it-happens", "weekly"), (entry.EventType, entry.Channel!.Value, entry.Before, entry.After));
    }

    [Fact]
    public async Task SetFrequency_FromAStaleTab_IsAConflictAndKeepsTheNewerChoice()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        await fixture.ContactRules.SetFrequencyAsync(fixture.CustomerId, Channel.Sms, ContactFrequency.Monthly, ContactFrequency.AsItHappens, fixture.Me, ChangeSource.Web);

        var stale = await fixture.ContactRules.SetFrequencyAsync(fixture.CustomerId, Channel.Sms, ContactFrequency.WeeklyDigest, ContactFrequency.AsItHappens, fixture.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeResult.Conflict, stale);
        Assert.Equal(ContactFrequency.Monthly, (await fixture.ContactRules.GetAsync(fixture.CustomerId))[Channel.Sms].Frequency);
    }

    [Fact]
    public async Task SetFrequency_AnUndefinedValue_IsRefused()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();

        var result = await fixture.ContactRules.SetFrequencyAsync(fixture.CustomerId, Channel.Sms, (ContactFrequency)42, ContactFrequency.AsItHappens, fixture.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeResult.Rejected(PreferenceProblem.UnknownFrequency), result);
        Assert.Empty(await fixture.LedgerAsync());
    }

    [Fact]
    public async Task Pause_EveryChannel_IsOneTransactionWithAnEntryPerChannel_AndDoesNotTouchFrequencies()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        await fixture.ContactRules.SetFrequencyAsync(fixture.CustomerId, Channel.Email, ContactFrequency.Monthly, ContactFrequency.AsItHappens, fixture.Me, ChangeSource.Web);
        var until = PreferenceFixture.Now.AddMonths(1);

        await fixture.ContactRules.PauseAsync(fixture.CustomerId, ChannelSetExtensions.AllChannels, until, fixture.Me, ChangeSource.Web);

        var rules = await fixture.ContactRules.GetAsync(fixture.CustomerId);
        Assert.All(rules.Values, r => Assert.Equal(until, r.PausedUntil));
        Assert.Equal(ContactFrequency.Monthly, rules[Channel.Email].Frequency);
        var paused = (await fixture.LedgerAsync()).Where(e => e.EventType == LedgerEventType.ContactPaused).ToList();
        Assert.Equal(5, paused.Count);
        Assert.All(paused, e => Assert.Equal("2026-12-23T10:14:00.000Z", e.After));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(400)]
    public async Task Pause_EndingNowInThePastOrBeyondAYear_IsRefusedAndNothingIsWritten(int days)
    {
        await using var fixture = await PreferenceFixture.CreateAsync();

        var result = await fixture.ContactRules.PauseAsync(fixture.CustomerId, [Channel.Email], PreferenceFixture.Now.AddDays(days), fixture.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeOutcome.Rejected, result.Outcome);
        Assert.Equal(days > 0 ? PreferenceProblem.PauseTooFar : PreferenceProblem.PauseInPast, result.Problem);
        await using var db = fixture.Database.CreateDbContext();
        Assert.False(await db.ContactRules.AnyAsync());
        Assert.Empty(await fixture.LedgerAsync());
    }

    [Fact]
    public async Task LiftPause_EndsItEarly_AndAPauseThatRanOutIsNotShown()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        await fixture.ContactRules.PauseAsync(fixture.CustomerId, [Channel.Email, Channel.Sms], PreferenceFixture.Now.AddDays(7), fixture.Me, ChangeSource.Web);

        var lifted = await fixture.ContactRules.LiftPauseAsync(fixture.CustomerId, [Channel.Email], fixture.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeOutcome.Saved, lifted.Outcome);
        var rules = await fixture.ContactRules.GetAsync(fixture.CustomerId);
        Assert.Null(rules[Channel.Email].PausedUntil);
        Assert.NotNull(rules[Channel.Sms].PausedUntil);
        Assert.Equal(LedgerEventType.ContactPauseLifted, (await fixture.LedgerAsync()).Last().EventType);

        fixture.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Null((await fixture.ContactRules.GetAsync(fixture.CustomerId))[Channel.Sms].PausedUntil);
        Assert.Equal(PreferenceChangeResult.Rejected(PreferenceProblem.NotPaused), await fixture.ContactRules.LiftPauseAsync(fixture.CustomerId, [Channel.Sms], fixture.Me, ChangeSource.Web));
    }
}
