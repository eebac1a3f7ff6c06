using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Features.Privacy.Editor;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Privacy.Editor;

/// <summary>The shipped seed published as version 1 on a fresh database, and the texts the editor's tests type.</summary>
public static class NoticeEditorSamples
{
    public static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 30, 0, TimeSpan.Zero);

    /// <summary>348 characters of officialese: pulls the Italian first layer to about 47 on Gulpease.</summary>
    public const string DenseItalianSummary =
        "Previa manifestazione del consenso, trattiamo sistematicamente informazioni identificative, anagrafiche e recapiti " +
        "comunicativi, finalizzandone l'utilizzazione all'inoltro di comunicazioni promozionali, commerciali e informative, " +
        "relativamente ai canali preventivamente selezionati, per ventiquattro mensilità, fatta salva l'eventuale rinnovazione.";

    public const string PlainMarketingSummary = "Only if you agree, we send you offers on the channels you pick, for 24 months.";

    public static async Task<NoticeDraftService> PublishSeedAsync(TestDatabase database, FakeTimeProvider clock)
    {
        var ledger = new LedgerWriter(clock);
        var publisher = new CatalogPublisher(database, ledger, clock);
        await publisher.PublishAsync(await DevelopmentSeeder.LoadCatalogAsync());
        return new NoticeDraftService(database, ledger, publisher, clock);
    }
}
