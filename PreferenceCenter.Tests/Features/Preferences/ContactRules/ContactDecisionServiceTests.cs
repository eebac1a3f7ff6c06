using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Preferences.ContactRules;

namespace PreferenceCenter.Tests.Features.Preferences.ContactRules;

/// <summary>The decision as senders ask it: from the store, with contacts counted for the frequency limit.</summary>
public sealed class ContactDecisionServiceTests
{
    [Fact]
    public async Task Decide_ReadsConsentPauseAndStatusFromTheStore()
    {
        await using var f = await PreferenceFixture.CreateAsync();
        Assert.Equal(ContactDecisionReason.NoConsent, (await f.Decisions.DecideAsync(f.CustomerId, Channel.Email, "marketing")).Reason);

        await f.GrantAsync("marketing", Channel.Email);
        Assert.True((await f.Decisions.DecideAsync(f.CustomerId, Channel.Email, "marketing")).Allowed);

        await f.ContactRules.PauseAsync(f.CustomerId, [Channel.Email], PreferenceFixture.Now.AddDays(7), f.Me, ChangeSource.Web);
        var paused = await f.Decisions.DecideAsync(f.CustomerId, Channel.Email, "marketing");
        Assert.Equal((ContactDecisionReason.Paused, PreferenceFixture.Now.AddDays(7)), (paused.Reason, paused.NotBefore));
        Assert.True((await f.Decisions.DecideAsync(f.CustomerId, Channel.Email, "service")).Allowed);

        f.Clock.Advance(TimeSpan.FromDays(7));
        Assert.True((await f.Decisions.DecideAsync(f.CustomerId, Channel.Email, "marketing")).Allowed);
    }

    [Fact]
    public async Task Reserve_WithAWeeklyDigest_AllowsOneContactAWeek()
    {
        await using var f = await PreferenceFixture.CreateAsync();
        await f.GrantAsync("marketing", Channel.Email);
        await f.ContactRules.SetFrequencyAsync(f.CustomerId, Channel.Email, ContactFrequency.WeeklyDigest, ContactFrequency.AsItHappens, f.Me, ChangeSource.Web);

        Assert.True((await f.Decisions.ReserveAsync(f.CustomerId, Channel.Email, "marketing")).Allowed);
        var second = await f.Decisions.ReserveAsync(f.CustomerId, Channel.Email, "marketing");
        Assert.Equal((ContactDecisionReason.FrequencyLimit, PreferenceFixture.Now.AddDays(7)), (second.Reason, second.NotBefore));

        f.Clock.Advance(TimeSpan.FromDays(7));
        Assert.True((await f.Decisions.ReserveAsync(f.CustomerId, Channel.Email, "marketing")).Allowed);
    }

    [Fact]
    public async Task Reserve_TwoSendersAtOnce_OnlyOneGetsTheWeeklySlot()
    {
        await using var f = await PreferenceFixture.CreateAsync();
        await f.GrantAsync("marketing", Channel.Email);
        await f.ContactRules.SetFrequencyAsync(f.CustomerId, Channel.Email, ContactFrequency.WeeklyDigest, ContactFrequency.AsItHappens, f.Me, ChangeSource.Web);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => f.Decisions.ReserveAsync(f.CustomerId, Channel.Email, "marketing"))));

        Assert.Single(decisions, d => d.Allowed);
    }

    [Fact]
    public async Task Reserve_MessagesWeMustSend_DoNotUseUpTheFrequency()
    {
        await using var f = await PreferenceFixture.CreateAsync();
        await f.GrantAsync("marketing", Channel.Email);
        await f.ContactRules.SetFrequencyAsync(f.CustomerId, Channel.Email, ContactFrequency.Monthly, ContactFrequency.AsItHappens, f.Me, ChangeSource.Web);

        Assert.True((await f.Decisions.ReserveAsync(f.CustomerId, Channel.Email, "service")).Allowed);
        Assert.True((await f.Decisions.ReserveAsync(f.CustomerId, Channel.Email, "marketing")).Allowed);
    }

    [Fact]
    public async Task Decide_AnUnknownCustomerOrPurpose_IsRefused()
    {
        await using var f = await PreferenceFixture.CreateAsync();

        Assert.Equal(ContactDecisionReason.UnknownCustomer, (await f.Decisions.DecideAsync(Guid.NewGuid(), Channel.Email, "marketing")).Reason);
        Assert.Equal(ContactDecisionReason.UnknownPurpose, (await f.Decisions.DecideAsync(f.CustomerId, Channel.Email, "astrology")).Reason);
    }
}
