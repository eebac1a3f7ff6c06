using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.History;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Tests.Features.Erasure;

/// <summary>Each erasure-request and export entry reads as a sentence on /history, in every language.</summary>
public sealed class ErasureHistoryTests
{
    private static readonly LedgerEventType[] Events =
    [
        LedgerEventType.ErasureRequested, LedgerEventType.ErasureVerified, LedgerEventType.ErasureApproved, LedgerEventType.ErasureRejected,
        LedgerEventType.ErasureCancelled, LedgerEventType.ErasureExecutionStarted, LedgerEventType.ErasureCompleted, LedgerEventType.PersonalDataExported,
    ];

    private static string Describe(LedgerEventType type, string culture)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var item = new HistoryItem(1, DateTimeOffset.UnixEpoch, type, ActorKind.Customer, ChangeSource.Web, null, null, null, null, null, Detail: "request:7");
        return new HistoryDescriber(services.GetRequiredService<IStringLocalizer<SharedResource>>()).Describe(item, HistoryVocabulary.Empty);
    }

    [Theory]
    [InlineData(LedgerEventType.ErasureRequested, "en", "You asked us to erase your data")]
    [InlineData(LedgerEventType.ErasureVerified, "es", "Confirmaste tu solicitud de supresión desde el enlace del correo")]
    [InlineData(LedgerEventType.ErasureRejected, "it", "Il nostro responsabile della privacy ha rifiutato la tua richiesta di cancellazione")]
    [InlineData(LedgerEventType.PersonalDataExported, "en", "You downloaded a copy of your data")]
    public void Describe_SaysWhatHappenedInPlainWords(LedgerEventType type, string culture, string expected) =>
        Assert.Equal(expected, Describe(type, culture));

    [Theory]
    [InlineData("en")]
    [InlineData("it")]
    [InlineData("es")]
    public void Describe_EveryEvent_HasItsOwnSentence(string culture)
    {
        var sentences = Events.Select(e => Describe(e, culture)).ToList();
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var text = services.GetRequiredService<IStringLocalizer<SharedResource>>();

        // Not the catch-all "Recorded change (…)", and no two events alike.
        Assert.All(Events.Zip(sentences), pair => Assert.NotEqual(text["History.Other", pair.First].Value, pair.Second));
        Assert.Equal(Events.Length, sentences.Distinct().Count());
    }
}
