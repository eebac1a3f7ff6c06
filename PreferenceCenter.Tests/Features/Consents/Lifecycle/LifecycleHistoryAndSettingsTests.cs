using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents.Lifecycle;
using PreferenceCenter.Features.History;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Resources;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Consents.Lifecycle;

public sealed class LifecycleHistoryAndSettingsTests
{
    private const string End = "2027-11-23T10:14:00.000Z";

    private static readonly HistoryVocabulary Words = new(new Dictionary<string, string> { ["marketing"] = "Marketing" }, new Dictionary<string, string>());

    private static string Describe(HistoryItem item, string culture)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        return new HistoryDescriber(services.GetRequiredService<IStringLocalizer<SharedResource>>()).Describe(item, Words);
    }

    private static HistoryItem Item(LedgerEventType type, ActorKind actor, ChangeSource source, string? after = null, string? detail = null) =>
        new(1, DateTimeOffset.UnixEpoch, type, actor, source, "marketing", Channel.Email, null, null, 1, after, Detail: detail);

    public static TheoryData<HistoryItem, string, string> Sentences => new()
    {
        { Item(LedgerEventType.ConsentPendingConfirmation, ActorKind.Customer, ChangeSource.Web), "en", "You asked for Marketing by email; it waits for your confirmation by email" },
        { Item(LedgerEventType.ConsentConfirmed, ActorKind.Customer, ChangeSource.ConfirmationLink), "it", "Hai confermato Marketing via email dalla nostra email" },
        { Item(LedgerEventType.ConsentExpired, ActorKind.System, ChangeSource.System, detail: End), "es", "Marketing por email caducó el 23 nov 2027, 10:14 UTC" },
        { Item(LedgerEventType.ConsentRenewed, ActorKind.Customer, ChangeSource.RenewalLink, after: End), "en",
            "You renewed Marketing by email from our reminder; it now lasts until 23 Nov 2027, 10:14 UTC" },
        { Item(LedgerEventType.ConsentRenewed, ActorKind.Customer, ChangeSource.Web, after: End), "en",
            "You reviewed the changed notice and kept Marketing by email; it now lasts until 23 Nov 2027, 10:14 UTC" },
        { Item(LedgerEventType.RenewalReminderSent, ActorKind.System, ChangeSource.System, detail: End), "en",
            "We reminded you by email that Marketing by email ends on 23 Nov 2027, 10:14 UTC" },
        { Item(LedgerEventType.ConsentConfirmationLapsed, ActorKind.System, ChangeSource.System, after: "withdrawn", detail: End), "en",
            "Marketing by email was not confirmed before its link expired on 23 Nov 2027, 10:14 UTC, so it stays off" },
        { Item(LedgerEventType.ConsentConfirmationLapsed, ActorKind.System, ChangeSource.System, after: "withdrawn", detail: End), "it",
            "Marketing via email non è stato confermato prima della scadenza del link il 23 nov 2027, 10:14 UTC, quindi resta disattivato" },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void History_DescribesEachLifecycleEventInPlainWords(HistoryItem item, string culture, string expected) =>
        Assert.Equal(expected, Describe(item, culture));

    [Theory]
    [InlineData("Lifecycle:RenewalReminderDays", "0", "Lifecycle:RenewalReminderDays must be between 1 and 90 days.")]
    [InlineData("Lifecycle:ConfirmationLinkDays", "31", "Lifecycle:ConfirmationLinkDays must be between 1 and 30 days.")]
    [InlineData("Lifecycle:JobIntervalMinutes", "0", "Lifecycle:JobIntervalMinutes must be between 1 and 1440 minutes.")]
    public async Task Settings_OutOfBounds_FailWithAClearMessage(string key, string value, string message)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = LifecycleMailFactory.Services(database, TimeProvider.System, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LifecycleOptions>>().Value);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
