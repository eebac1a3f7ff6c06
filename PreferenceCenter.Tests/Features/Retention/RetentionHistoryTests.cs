using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.History;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Tests.Features.Retention;

/// <summary>The customer's /history (and the support console) says in plain words what the retention job deleted, and why.</summary>
public sealed class RetentionHistoryTests
{
    private static readonly HistoryVocabulary Words = new(
        new Dictionary<string, string> { ["marketing"] = "Marketing" }, new Dictionary<string, string>());

    [Theory]
    [InlineData("1", HistoryReader.Customer, "en", "We deleted the answer you gave for Marketing: your consent to it ended on 23 Oct 2026, 10:14 UTC, and we keep such answers only 30 days after that")]
    [InlineData("3", HistoryReader.Customer, "en", "We deleted the 3 answers you gave for Marketing: your consent to it ended on 23 Oct 2026, 10:14 UTC, and we keep such answers only 30 days after that")]
    [InlineData("3", HistoryReader.Staff, "en", "We deleted the 3 answers the customer gave for Marketing: their consent to it ended on 23 Oct 2026, 10:14 UTC, and we keep such answers only 30 days after that")]
    [InlineData("2", HistoryReader.Customer, "it", "Abbiamo cancellato le 2 risposte che avevi dato per Marketing: il tuo consenso è terminato il 23 ott 2026, 10:14 UTC e teniamo queste risposte solo per 30 giorni dopo")]
    [InlineData("1", HistoryReader.Staff, "it", "Abbiamo cancellato la risposta che il cliente aveva dato per Marketing: il suo consenso è terminato il 23 ott 2026, 10:14 UTC e teniamo queste risposte solo per 30 giorni dopo")]
    [InlineData("2", HistoryReader.Customer, "es", "Borramos las 2 respuestas que diste para Marketing: tu consentimiento terminó el 23 oct 2026, 10:14 UTC y solo guardamos estas respuestas 30 días después")]
    [InlineData("2", HistoryReader.Staff, "es", "Borramos las 2 respuestas que el cliente dio para Marketing: su consentimiento terminó el 23 oct 2026, 10:14 UTC y solo guardamos estas respuestas 30 días después")]
    public void Describe_RetentionDeletion_SaysWhatWentAndWhy(string answers, HistoryReader reader, string culture, string expected)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var item = new HistoryItem(
            1, RetentionFixture.Now, LedgerEventType.RetentionDataDeleted, ActorKind.System, ChangeSource.System, "marketing", null, null, null, null,
            After: "30", Before: "2026-10-23T10:14:00.000Z", Detail: answers);

        var sentence = new HistoryDescriber(services.GetRequiredService<IStringLocalizer<SharedResource>>()).Describe(item, Words with { Reader = reader });

        Assert.Equal(expected, sentence);
    }
}
