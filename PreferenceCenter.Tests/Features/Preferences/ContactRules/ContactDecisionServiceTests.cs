using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Preferences.ContactRules;

namespace PreferenceCenter.Tests.Features.Preferences.ContactRules;

/// <summary>The decision as senders ask it: from the store, with contacts counted for the frequency limit.</summary>
public sealed class ContactDecisionServiceTests
{
    [Fact]
    public async Task Decide_ReadsConsentPauseAndStatusFromTheStore()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        Assert.Equal(ContactDecisionReason.NoConsent, (await fixture.Decisions.DecideAsync(fixture.CustomerId, Channel.Email, "marketing")).Reason);

        await fixture.GrantAsync("marketing", Channel.Email);
        Assert.True((await fixture.Decisions.DecideAsync(fixture.CustomerId, Channel.Email, "marketing")).Allowed);

        await fixture.ContactRules.PauseAsync(fixture.CustomerId, [Channel.Email], PreferenceFixture.Now.AddDays(7), fixture.Me, ChangeSource.Web);
        var paused = await fixture.Decisions.DecideAsync(fixture.CustomerId, Channel.Email, "marketing");
        Assert.Equal((ContactDecisionReason.Paused, PreferenceFixture.Now.AddDays(7)), (paused.Reason, paused.NotBefore));
        Assert.True((await fixture.Decisions.DecideAsync(fixture.CustomerId, Channel.Email, "service")).Allowed);

        fixture.Clock.Advance(TimeSpan.FromDays(7));
        Assert.True((await fixture.Decisions.DecideAsync(fixture.CustomerId, Channel.Email, "marketing")).Allowed);
    }

    [Fact]
    public async Task Reserve_WithAWeeklyDigest_AllowsOneContactAWeek()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        await fixture.GrantAsync("marketing", Channel.Email);
        await fixture.ContactRules.SetFrequencyAsync(fixture.CustomerId, Channel.Email, ContactFrequency.WeeklyDigest, ContactFrequency.AsItHappens, fixture.Me, ChangeSource.Web);

        Assert.True((await fixture.Decisions.ReserveAsync(fixture.CustomerId, Channel.Email, "marketing")).Allowed);
        var second = await fixture.Decisions.ReserveAsync(fixture.CustomerId, Channel.Email, "marketing");
        Assert.Equal((ContactDecisionReason.FrequencyLimit, PreferenceFixture.Now.AddDays(7)), (second.Reason, second.NotBefore));

        fixture.Clock.Advance(TimeSpan.FromDays(7));
        Assert.True((await fixture.Decisions.ReserveAsync(fixture.CustomerId, Channel.Email, "marketing")).Allowed);
    }

    [Fact]
    public async Task ReserveMany_InOneBatch_ALaterQuestionSeesTheContactAnEarlierOneRecorded()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        await fixture.GrantAsync("marketing", Channel.Email);
        await fixture.ContactRules.SetFrequencyAsync(fixture.CustomerId, Channel.Email, ContactFrequency.WeeklyDigest, ContactFrequency.AsItHappens, fixture.Me, ChangeSource.Web);
        var question = new ContactQuestion(fixture.CustomerId, Channel.Email, "marketing");

        var decisions = await fixture.Decisions.ReserveManyAsync([question, question, new ContactQuestion(null, Channel.Email, "marketing")]);

        Assert.Equal(
            [ContactDecisionReason.Allowed, ContactDecisionReason.FrequencyLimit, ContactDecisionReason.UnknownCustomer],
            decisions.Select(d => d.Reason));
        // Committed: a reservation asked afterwards, alone, finds the slot taken.
        Assert.Equal(ContactDecisionReason.FrequencyLimit, (await fixture.Decisions.ReserveAsync(fixture.CustomerId, Channel.Email, "marketing")).Reason);
    }

    [Fact]
    public async Task Reserve_TwoSendersAtOnce_OnlyOneGetsTheWeeklySlot()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        await fixture.GrantAsync("marketing", Channel.Email);
        await fixture.ContactRules.SetFrequencyAsync(fixture.CustomerId, Channel.Email, ContactFrequency.WeeklyDigest, ContactFrequency.AsItHappens, fixture.Me, ChangeSource.Web);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => fixture.Decisions.ReserveAsync(fixture.CustomerId, Channel.Email, "marketing"))));

        Assert.Single(decisions, d => d.Allowed);
    }

    [Fact]
    public async Task Reserve_MessagesWeMustSend_DoNotUseUpTheFrequency()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        await fixture.GrantAsync("marketing", Channel.Email);
        await fixture.ContactRules.SetFrequencyAsync(fixture.CustomerId, Channel.Email, ContactFrequency.Monthly, ContactFrequency.AsItHappens, fixture.Me, ChangeSource.Web);

        Assert.True((await fixture.Decisions.ReserveAsync(fixture.CustomerId, Channel.Email, "service")).Allowed);
        Assert.True((await fixture.Decisions.ReserveAsync(fixture.CustomerId, Channel.Email, "marketing")).Allowed);
    }

    [Fact]
    public async Task Decide_AnUnknownCustomerOrPurpose_IsRefused()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();

        Assert.Equal(ContactDecisionReason.UnknownCustomer, (await fixture.Decisions.DecideAsync(Guid.NewGuid(), Channel.Email, "marketing")).Reason);
        Assert.Equal(ContactDecisionReason.UnknownPurpose, (await fixture.Decisions.DecideAsync(fixture.CustomerId, Channel.Email, "astrology")).Reason);
    }
}
