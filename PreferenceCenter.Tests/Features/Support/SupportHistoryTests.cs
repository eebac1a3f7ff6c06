using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.History;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Resources;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Support;

/// <summary>What the customer reads in /history about what support did: who, what, how they asked, and why.</summary>
public sealed class SupportHistoryTests : ComponentTestBase
{
    private static readonly HistoryVocabulary Words = new(new Dictionary<string, string> { ["marketing"] = "Marketing" }, new Dictionary<string, string>());

    private static readonly HistoryItem TurnedOffByPhone = new(
        7, new DateTimeOffset(2026, 11, 23, 10, 14, 0, TimeSpan.Zero), LedgerEventType.ConsentWithdrawn, ActorKind.Staff, ChangeSource.Support,
        "marketing", Channel.Sms, "Asked to stop texts", "phone", 1);

    private static string Describe(HistoryItem item, string culture)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        return new HistoryDescriber(services.GetRequiredService<IStringLocalizer<SharedResource>>()).Describe(item, Words);
    }

    [Theory]
    [InlineData("en", "Our support team turned off Marketing by SMS at your request by phone")]
    [InlineData("it", "Il nostro supporto ha disattivato Marketing via SMS su tua richiesta per telefono")]
    [InlineData("es", "Nuestro equipo de soporte desactivó Marketing por SMS a petición tuya por teléfono")]
    public void Describe_AChangeSupportMade_SaysHowTheCustomerAsked(string culture, string expected) =>
        Assert.Equal(expected, Describe(TurnedOffByPhone, culture));

    [Theory]
    [InlineData("letter", "en", "Our support team turned off Marketing by SMS at your request by letter")]
    [InlineData("in-person", "es", "Nuestro equipo de soporte desactivó Marketing por SMS a petición tuya en persona")]
    [InlineData(null, "en", "Our support team turned off Marketing by SMS at your request")]
    [InlineData("carrier-pigeon", "en", "Our support team turned off Marketing by SMS at your request")]
    public void Describe_EachRequestChannel_OrNoneKnown(string? channel, string culture, string expected) =>
        Assert.Equal(expected, Describe(TurnedOffByPhone with { RequestChannel = channel }, culture));

    [Theory]
    [InlineData(LedgerEventType.PersonalDataRevealed, "email", "it", "Il nostro supporto ha visualizzato il tuo indirizzo email")]
    [InlineData(LedgerEventType.PersonalDataRevealed, "phone", "en", "Our support team viewed your phone number")]
    [InlineData(LedgerEventType.CustomerLookedUp, "reference", "es", "Nuestro equipo de soporte encontró tu cuenta por tu referencia de cliente")]
    public void Describe_ReadingsOfPersonalData_AreShownToo(LedgerEventType type, string detail, string culture, string expected) =>
        Assert.Equal(expected, Describe(TurnedOffByPhone with { EventType = type, Detail = detail, RequestChannel = null, PurposeKey = null, Channel = null }, culture));

    [Theory]
    [InlineData("en", "Our support team asked for your data to be erased at your request by phone")]
    [InlineData("it", "Il nostro supporto ha chiesto la cancellazione dei tuoi dati su tua richiesta per telefono")]
    [InlineData("es", "Nuestro equipo de soporte pidió que se suprimieran tus datos a petición tuya por teléfono")]
    public void Describe_AnErasureRequestSupportFiled_SaysSupportAskedAtTheCustomersRequest(string culture, string expected) =>
        Assert.Equal(expected, Describe(TurnedOffByPhone with { EventType = LedgerEventType.ErasureRequested, PurposeKey = null, Channel = null, Detail = "request:1" }, culture));

    [Fact]
    public void Describe_AnErasureRequestTheCustomerMade_StaysInTheirOwnWords() =>
        Assert.Equal("You asked us to erase your data", Describe(
            TurnedOffByPhone with { EventType = LedgerEventType.ErasureRequested, ActorKind = ActorKind.Customer, Source = ChangeSource.Web, PurposeKey = null, Channel = null, RequestChannel = null, Reason = null },
            "en"));

    [Fact]
    public void HistoryEntry_ReadByStaff_SpeaksOfTheCustomer()
    {
        Services.AddScoped<HistoryDescriber>();

        var cut = Render<HistoryEntry>(p => p.Add(e => e.Item, TurnedOffByPhone).Add(e => e.Vocabulary, Words with { Reader = HistoryReader.Staff }));

        Assert.StartsWith("Our support team turned off Marketing by SMS at the customer's request by phone — ",
            string.Join(" ", cut.Find("li").TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public void HistoryEntry_ForAStaffChange_ShowsTheReasonAfterTheTime()
    {
        Services.AddScoped<HistoryDescriber>();

        var cut = Render<HistoryEntry>(p => p.Add(e => e.Item, TurnedOffByPhone).Add(e => e.Vocabulary, Words));

        Assert.Equal(
            "Our support team turned off Marketing by SMS at your request by phone — 23 Nov 2026, 10:14 UTC (reason: Asked to stop texts) (notice version 1)",
            string.Join(" ", cut.Find("li").TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
    }
}
