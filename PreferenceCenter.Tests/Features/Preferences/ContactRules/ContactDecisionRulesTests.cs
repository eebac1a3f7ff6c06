using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Tests.Features.Preferences.ContactRules;

public sealed class ContactDecisionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 14, 0, TimeSpan.Zero);

    private static readonly Purpose Marketing = new()
    {
        Key = "marketing", Kind = PurposeKind.Marketing, LegalBasis = LegalBasis.Consent, Icon = "Campaign",
        OfferedChannels = ChannelSet.Email | ChannelSet.Sms,
    };

    private static readonly Purpose Service = new()
    {
        Key = "service", Kind = PurposeKind.Service, LegalBasis = LegalBasis.Contract, Icon = "ReceiptLong", OfferedChannels = ChannelSet.Email,
    };

    public enum ConsentCase { None, On, Withdrawn, Expired }

    public enum PauseCase { None, Active, Ended }

    /// <summary>Consent × pause × frequency (with the last contact N days ago) × status → decision.</summary>
    public static TheoryData<CustomerStatus, ConsentCase, PauseCase, ContactFrequency, int?, ContactDecisionReason> Table => new()
    {
        // Status comes first: nothing reaches an erased customer, whatever else holds.
        { CustomerStatus.Active, ConsentCase.On, PauseCase.None, ContactFrequency.AsItHappens, null, ContactDecisionReason.Allowed },
        { CustomerStatus.Erased, ConsentCase.On, PauseCase.None, ContactFrequency.AsItHappens, null, ContactDecisionReason.CustomerNotActive },
        { CustomerStatus.Erased, ConsentCase.None, PauseCase.Active, ContactFrequency.NeverForMarketing, 0, ContactDecisionReason.CustomerNotActive },
        // Consent: never given, withdrawn, expired (checked at read time, no job needed).
        { CustomerStatus.Active, ConsentCase.None, PauseCase.None, ContactFrequency.AsItHappens, null, ContactDecisionReason.NoConsent },
        { CustomerStatus.Active, ConsentCase.Withdrawn, PauseCase.None, ContactFrequency.AsItHappens, null, ContactDecisionReason.NoConsent },
        { CustomerStatus.Active, ConsentCase.Expired, PauseCase.None, ContactFrequency.AsItHappens, null, ContactDecisionReason.ConsentExpired },
        { CustomerStatus.Active, ConsentCase.Withdrawn, PauseCase.Active, ContactFrequency.NeverForMarketing, null, ContactDecisionReason.NoConsent },
        // The pause: active stops contact, an ended one no longer does.
        { CustomerStatus.Active, ConsentCase.On, PauseCase.Active, ContactFrequency.AsItHappens, null, ContactDecisionReason.Paused },
        { CustomerStatus.Active, ConsentCase.On, PauseCase.Ended, ContactFrequency.AsItHappens, null, ContactDecisionReason.Allowed },
        { CustomerStatus.Active, ConsentCase.On, PauseCase.Active, ContactFrequency.NeverForMarketing, null, ContactDecisionReason.Paused },
        // Frequency: "as it happens" never limits; weekly and monthly count from the last contact; "never" always refuses.
        { CustomerStatus.Active, ConsentCase.On, PauseCase.None, ContactFrequency.AsItHappens, 0, ContactDecisionReason.Allowed },
        { CustomerStatus.Active, ConsentCase.On, PauseCase.None, ContactFrequency.WeeklyDigest, null, ContactDecisionReason.Allowed },
        { CustomerStatus.Active, ConsentCase.On, PauseCase.None, ContactFrequency.WeeklyDigest, 6, ContactDecisionReason.FrequencyLimit },
        { CustomerStatus.Active, ConsentCase.On, PauseCase.None, ContactFrequency.WeeklyDigest, 7, ContactDecisionReason.Allowed },
        { CustomerStatus.Active, ConsentCase.On, PauseCase.None, ContactFrequency.Monthly, 29, ContactDecisionReason.FrequencyLimit },
        { CustomerStatus.Active, ConsentCase.On, PauseCase.None, ContactFrequency.Monthly, 31, ContactDecisionReason.Allowed },
        { CustomerStatus.Active, ConsentCase.On, PauseCase.None, ContactFrequency.NeverForMarketing, null, ContactDecisionReason.NeverForMarketing },
        { CustomerStatus.Active, ConsentCase.On, PauseCase.Ended, ContactFrequency.NeverForMarketing, 400, ContactDecisionReason.NeverForMarketing },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_CombinesStatusConsentPauseAndFrequency(
        CustomerStatus status, ConsentCase consent, PauseCase pause, ContactFrequency frequency, int? lastContactDaysAgo, ContactDecisionReason expected)
    {
        var facts = new ContactFacts(Channel.Email, status, Marketing, ConsentFor(consent), RuleFor(pause, frequency),
            lastContactDaysAgo is int days ? Now.AddDays(-days) : null);

        var decision = ContactDecisionRules.Decide(facts, Now);

        Assert.Equal(expected, decision.Reason);
        Assert.Equal(expected == ContactDecisionReason.Allowed, decision.Allowed);
    }

    [Fact]
    public void Decide_WhenPaused_SaysWhenThePauseEnds()
    {
        var decision = ContactDecisionRules.Decide(
            new ContactFacts(Channel.Email, CustomerStatus.Active, Marketing, ConsentFor(ConsentCase.On), RuleFor(PauseCase.Active, ContactFrequency.AsItHappens), null), Now);

        Assert.Equal(Now.AddDays(10), decision.NotBefore);
    }

    [Fact]
    public void Decide_WhenTheWeeklyLimitHolds_SaysWhenTheNextContactIsAllowed()
    {
        var decision = ContactDecisionRules.Decide(
            new ContactFacts(Channel.Email, CustomerStatus.Active, Marketing, ConsentFor(ConsentCase.On), RuleFor(PauseCase.None, ContactFrequency.WeeklyDigest), Now.AddDays(-2)), Now);

        Assert.Equal(Now.AddDays(5), decision.NotBefore);
    }

    [Theory]
    [InlineData(PauseCase.Active, ContactFrequency.NeverForMarketing)]
    [InlineData(PauseCase.None, ContactFrequency.WeeklyDigest)]
    public void Decide_MessagesWeMustSend_AreNotStoppedByPausesOrFrequency(PauseCase pause, ContactFrequency frequency)
    {
        var decision = ContactDecisionRules.Decide(
            new ContactFacts(Channel.Email, CustomerStatus.Active, Service, null, RuleFor(pause, frequency), Now.AddDays(-1)), Now);

        Assert.True(decision.Allowed);
    }

    [Fact]
    public void Decide_MessagesWeMustSend_StillNeverReachAnErasedCustomer() =>
        Assert.Equal(ContactDecisionReason.CustomerNotActive,
            ContactDecisionRules.Decide(new ContactFacts(Channel.Email, CustomerStatus.Erased, Service, null, null, null), Now).Reason);

    [Theory]
    [InlineData(null, true, Channel.Email, ContactDecisionReason.UnknownCustomer)]
    [InlineData(CustomerStatus.Active, false, Channel.Email, ContactDecisionReason.UnknownPurpose)]
    [InlineData(CustomerStatus.Active, true, (Channel)99, ContactDecisionReason.UnknownChannel)]
    [InlineData(CustomerStatus.Active, true, Channel.Phone, ContactDecisionReason.NotOfferedOnChannel)]
    public void Decide_UnknownOrNotOffered_IsRefusedWithItsReason(CustomerStatus? status, bool purposeExists, Channel channel, ContactDecisionReason expected) =>
        Assert.Equal(expected, ContactDecisionRules.Decide(
            new ContactFacts(channel, status, purposeExists ? Marketing : null, ConsentFor(ConsentCase.On), null, null), Now).Reason);

    private static Consent? ConsentFor(ConsentCase consent) => consent switch
    {
        ConsentCase.None => null,
        ConsentCase.On => new Consent { State = ConsentState.Granted, ChangedAt = Now.AddMonths(-1), ExpiresAt = Now.AddMonths(23) },
        ConsentCase.Withdrawn => new Consent { State = ConsentState.Withdrawn, ChangedAt = Now.AddDays(-1) },
        ConsentCase.Expired => new Consent { State = ConsentState.Granted, ChangedAt = Now.AddMonths(-25), ExpiresAt = Now.AddMonths(-1) },
        _ => throw new ArgumentOutOfRangeException(nameof(consent)),
    };

    private static ContactRule RuleFor(PauseCase pause, ContactFrequency frequency) => new()
    {
        Frequency = frequency,
        PausedUntil = pause switch { PauseCase.Active => Now.AddDays(10), PauseCase.Ended => Now.AddDays(-1), _ => null },
    };
}
