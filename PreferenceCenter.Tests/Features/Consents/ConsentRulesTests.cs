using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Tests.Features.Consents;

public sealed class ConsentRulesTests
{
    private static readonly Guid Customer = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 14, 0, TimeSpan.Zero);

    private static readonly Purpose Marketing = new()
    {
        Key = "marketing", Icon = "Campaign", LegalBasis = LegalBasis.Consent, ValidityMonths = 24,
        OfferedChannels = ChannelSet.Email | ChannelSet.Sms,
    };

    private static readonly Purpose Service = new() { Key = "service", Icon = "ReceiptLong", LegalBasis = LegalBasis.Contract, OfferedChannels = ChannelSet.Email };

    public static TheoryData<string, CustomerStatus?, string?, Channel, ConsentProblem?> Cases => new()
    {
        { "allowed", CustomerStatus.Active, "marketing", Channel.Email, null },
        { "unknown customer", null, "marketing", Channel.Email, ConsentProblem.UnknownCustomer },
        { "erased customer", CustomerStatus.Erased, "marketing", Channel.Email, ConsentProblem.CustomerNotActive },
        { "unknown purpose", CustomerStatus.Active, null, Channel.Email, ConsentProblem.UnknownPurpose },
        { "unknown channel", CustomerStatus.Active, "marketing", (Channel)42, ConsentProblem.UnknownChannel },
        { "not offered", CustomerStatus.Active, "marketing", Channel.Post, ConsentProblem.NotOfferedOnChannel },
        { "not consent-based", CustomerStatus.Active, "service", Channel.Email, ConsentProblem.NotBasedOnConsent },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_ReturnsTheFirstProblemOrNone(string because, CustomerStatus? status, string? purposeKey, Channel channel, ConsentProblem? expected)
    {
        var purpose = purposeKey switch { "marketing" => Marketing, "service" => Service, _ => null };
        var change = new ConsentChange(Customer, purposeKey ?? "nope", channel, true, 0, Actor.Customer(Customer), ChangeSource.Web);

        Assert.True(expected == ConsentRules.Check(change, status, purpose), because);
    }

    [Fact]
    public void Check_WhenACustomerActsForSomeoneElse_RefusesIt()
    {
        var change = new ConsentChange(Customer, "marketing", Channel.Email, true, 0, Actor.Customer(Guid.NewGuid()), ChangeSource.Web);

        Assert.Equal(ConsentProblem.ActorIsNotSubject, ConsentRules.Check(change, CustomerStatus.Active, Marketing));
    }

    [Fact]
    public void Check_WhenStaffActForTheCustomer_AllowsIt()
    {
        var change = new ConsentChange(Customer, "marketing", Channel.Email, false, 0, new Actor(ActorKind.Staff, "agent-1", "asked by phone", "phone"), ChangeSource.Support);

        Assert.Null(ConsentRules.Check(change, CustomerStatus.Active, Marketing));
    }

    [Theory]
    [InlineData(ConsentState.Granted, null, true)]
    [InlineData(ConsentState.Granted, 1, true)]
    [InlineData(ConsentState.Granted, 0, false)]
    [InlineData(ConsentState.Granted, -1, false)]
    [InlineData(ConsentState.Withdrawn, null, false)]
    public void IsOn_CountsAGrantOnlyUntilItExpires(ConsentState state, int? expiresInSeconds, bool expected)
    {
        var consent = new Consent { State = state, ExpiresAt = expiresInSeconds is int s ? Now.AddSeconds(s) : null };

        Assert.Equal(expected, ConsentRules.IsOn(consent, Now));
    }

    [Fact]
    public void IsOn_WhenNeverGiven_IsOff() => Assert.False(ConsentRules.IsOn(null, Now));

    [Fact]
    public void ExpiryFor_AddsThePurposeValidityInCalendarMonths()
    {
        Assert.Equal(new DateTimeOffset(2028, 11, 23, 10, 14, 0, TimeSpan.Zero), ConsentRules.ExpiryFor(Marketing, Now));
        Assert.Null(ConsentRules.ExpiryFor(Service, Now));
    }

    [Theory]
    [InlineData(null, null, "not-given")]
    [InlineData(ConsentState.Withdrawn, null, "withdrawn")]
    [InlineData(ConsentState.Granted, 60, "granted")]
    [InlineData(ConsentState.Granted, -60, "expired")]
    public void StateLabel_NamesWhatTheCustomerHad(ConsentState? state, int? expiresInSeconds, string expected)
    {
        var consent = state is null ? null : new Consent { State = state.Value, ExpiresAt = expiresInSeconds is int s ? Now.AddSeconds(s) : null };

        Assert.Equal(expected, ConsentRules.StateLabel(consent, Now));
    }

    [Fact]
    public void Describe_GivesASpecificMessageForEveryProblem()
    {
        var messages = Enum.GetValues<ConsentProblem>().Select(p => ConsentRules.Describe(p, "marketing", Channel.Sms)).ToList();

        Assert.Equal(messages.Count, messages.Distinct().Count());
        Assert.Contains("The purpose 'marketing' is not offered by Sms.", messages);
    }
}
