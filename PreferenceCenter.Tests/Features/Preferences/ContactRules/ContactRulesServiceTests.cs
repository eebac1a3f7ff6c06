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
        await using var f = await PreferenceFixture.CreateAsync();

        var rules = await f.ContactRules.GetAsync(f.CustomerId);

        Assert.Equal(ChannelSetExtensions.AllChannels.Select(ContactRuleView.Default), rules.Values);
    }

    [Fact]
    public async Task SetFrequency_SavesItWithALedgerEntryOfBeforeAndAfter()
    {
        await using var f = await PreferenceFixture.CreateAsync();

        var result = await f.ContactRules.SetFrequencyAsync(f.CustomerId, Channel.Email, ContactFrequency.WeeklyDigest, ContactFrequency.AsItHappens, f.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeResult.Saved(PreferenceFixture.Now), result);
        Assert.Equal(ContactFrequency.WeeklyDigest, (await f.ContactRules.GetAsync(f.CustomerId))[Channel.Email].Frequency);
        var entry = (await f.LedgerAsync()).Single();
        Assert.Equal((LedgerEventType.ContactFrequencyChanged, Channel.Email, "as-it-happens", "weekly"), (entry.EventType, entry.Channel!.Value, entry.Before, entry.After));
    }

    [Fact]
    public async Task SetFrequency_FromAStaleTab_IsAConflictAndKeepsTheNewerChoice()
    {
        await using var f = await PreferenceFixture.CreateAsync();
        await f.ContactRules.SetFrequencyAsync(f.CustomerId, Channel.Sms, ContactFrequency.Monthly, ContactFrequency.AsItHappens, f.Me, ChangeSource.Web);

        var stale = await f.ContactRules.SetFrequencyAsync(f.CustomerId, Channel.Sms, ContactFrequency.WeeklyDigest, ContactFrequency.AsItHappens, f.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeResult.Conflict, stale);
        Assert.Equal(ContactFrequency.Monthly, (await f.ContactRules.GetAsync(f.CustomerId))[Channel.Sms].Frequency);
    }

    [Fact]
    public async Task SetFrequency_AnUndefinedValue_IsRefused()
    {
        await using var f = await PreferenceFixture.CreateAsync();

        var result = await f.ContactRules.SetFrequencyAsync(f.CustomerId, Channel.Sms, (ContactFrequency)42, ContactFrequency.AsItHappens, f.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeResult.Rejected(PreferenceProblem.UnknownFrequency), result);
        Assert.Empty(await f.LedgerAsync());
    }

    [Fact]
    public async Task Pause_EveryChannel_IsOneTransactionWithAnEntryPerChannel_AndDoesNotTouchFrequencies()
    {
        await using var f = await PreferenceFixture.CreateAsync();
        await f.ContactRules.SetFrequencyAsync(f.CustomerId, Channel.Email, ContactFrequency.Monthly, ContactFrequency.AsItHappens, f.Me, ChangeSource.Web);
        var until = PreferenceFixture.Now.AddMonths(1);

        await f.ContactRules.PauseAsync(f.CustomerId, ChannelSetExtensions.AllChannels, until, f.Me, ChangeSource.Web);

        var rules = await f.ContactRules.GetAsync(f.CustomerId);
        Assert.All(rules.Values, r => Assert.Equal(until, r.PausedUntil));
        Assert.Equal(ContactFrequency.Monthly, rules[Channel.Email].Frequency);
        var paused = (await f.LedgerAsync()).Where(e => e.EventType == LedgerEventType.ContactPaused).ToList();
        Assert.Equal(5, paused.Count);
        Assert.All(paused, e => Assert.Equal("2026-12-23T10:14:00.000Z", e.After));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(400)]
    public async Task Pause_EndingNowInThePastOrBeyondAYear_IsRefusedAndNothingIsWritten(int days)
    {
        await using var f = await PreferenceFixture.CreateAsync();

        var result = await f.ContactRules.PauseAsync(f.CustomerId, [Channel.Email], PreferenceFixture.Now.AddDays(days), f.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeOutcome.Rejected, result.Outcome);
        Assert.Equal(days > 0 ? PreferenceProblem.PauseTooFar : PreferenceProblem.PauseInPast, result.Problem);
        await using var db = f.Database.CreateDbContext();
        Assert.False(await db.ContactRules.AnyAsync());
        Assert.Empty(await f.LedgerAsync());
    }

    [Fact]
    public async Task LiftPause_EndsItEarly_AndAPauseThatRanOutIsNotShown()
    {
        await using var f = await PreferenceFixture.CreateAsync();
        await f.ContactRules.PauseAsync(f.CustomerId, [Channel.Email, Channel.Sms], PreferenceFixture.Now.AddDays(7), f.Me, ChangeSource.Web);

        var lifted = await f.ContactRules.LiftPauseAsync(f.CustomerId, [Channel.Email], f.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeOutcome.Saved, lifted.Outcome);
        var rules = await f.ContactRules.GetAsync(f.CustomerId);
        Assert.Null(rules[Channel.Email].PausedUntil);
        Assert.NotNull(rules[Channel.Sms].PausedUntil);
        Assert.Equal(LedgerEventType.ContactPauseLifted, (await f.LedgerAsync()).Last().EventType);

        f.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Null((await f.ContactRules.GetAsync(f.CustomerId))[Channel.Sms].PausedUntil);
        Assert.Equal(PreferenceChangeResult.Rejected(PreferenceProblem.NotPaused), await f.ContactRules.LiftPauseAsync(f.CustomerId, [Channel.Sms], f.Me, ChangeSource.Web));
    }
}
