using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Tests.Features.Ledger;

public sealed class HistoryDescriberTests
{
    private static readonly Dictionary<string, string> Titles = new() { ["marketing"] = "Marketing" };

    private static string Describe(HistoryItem item, string culture)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        return new HistoryDescriber(services.GetRequiredService<IStringLocalizer<SharedResource>>()).Describe(item, Titles);
    }

    private static HistoryItem Item(LedgerEventType type, ActorKind actor, Channel? channel = Channel.Email) =>
        new(1, DateTimeOffset.UnixEpoch, type, actor, ChangeSource.Web, "marketing", channel, null, null, 1);

    [Theory]
    [InlineData(LedgerEventType.ConsentGranted, ActorKind.Customer, "en", "You turned on Marketing by email")]
    [InlineData(LedgerEventType.ConsentWithdrawn, ActorKind.Customer, "en", "You turned off Marketing by email")]
    [InlineData(LedgerEventType.ConsentWithdrawn, ActorKind.Staff, "en", "Our support team turned off Marketing by email at your request")]
    [InlineData(LedgerEventType.ConsentGranted, ActorKind.Customer, "it", "Hai attivato Marketing via email")]
    [InlineData(LedgerEventType.ConsentWithdrawn, ActorKind.Customer, "es", "Desactivaste Marketing por email")]
    public void Describe_SaysWhoDidWhatInPlainWords(LedgerEventType type, ActorKind actor, string culture, string expected) =>
        Assert.Equal(expected, Describe(Item(type, actor), culture));

    [Fact]
    public void Describe_Registration_NeedsNoPurpose() =>
        Assert.Equal("You created your account", Describe(Item(LedgerEventType.CustomerRegistered, ActorKind.Customer, null) with { PurposeKey = null }, "en"));

    [Fact]
    public void Describe_ALanguageChoice_NamesTheLanguageInItsOwnWords() =>
        Assert.Equal("Elegiste español como idioma", Describe(Item(LedgerEventType.PreferredLanguageChanged, ActorKind.Customer, null) with { PurposeKey = null, After = "es" }, "es"));

    [Fact]
    public void Describe_APurposeNoLongerInTheNotice_FallsBackToItsKey() =>
        Assert.Equal("You turned on retired by SMS", Describe(Item(LedgerEventType.ConsentGranted, ActorKind.Customer, Channel.Sms) with { PurposeKey = "retired" }, "en"));

    [Fact]
    public void Describe_CoversEveryActorKindForConsentEvents()
    {
        foreach (var actor in Enum.GetValues<ActorKind>())
        {
            Assert.DoesNotContain("History.", Describe(Item(LedgerEventType.ConsentGranted, actor), "en"), StringComparison.Ordinal);
        }
    }
}
