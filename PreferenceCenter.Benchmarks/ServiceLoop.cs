using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;

namespace PreferenceCenter.Benchmarks;

/// <summary>N consent changes through the real service, each one a separate request as the UI or API would send it.</summary>
public static class ServiceLoop
{
    public static async Task RunAsync(IConsentBenchmarkDatabase database, int changes)
    {
        ArgumentNullException.ThrowIfNull(database);
        var service = BenchmarkServices.Consents(database);
        // The version each consent is at, as a browser tab would hold it: a warm-up run may have left some.
        var versions = new Dictionary<(Guid, Channel), int>();
        foreach (var customer in database.Customers)
        {
            foreach (var cell in (await service.GetCellsAsync(customer)).Values)
            {
                versions[(customer, cell.Channel)] = cell.Version;
            }
        }

        for (var i = 0; i < changes; i++)
        {
            var customer = database.Customers[i % database.Customers.Count];
            var channel = BenchmarkCatalog.Channels[i / database.Customers.Count % BenchmarkCatalog.Channels.Count];
            var seen = versions.GetValueOrDefault((customer, channel));
            var result = await service.SetAsync(new ConsentChange(
                customer, "marketing", channel, Grant: seen % 2 == 0, seen, Actor.Customer(customer), ChangeSource.Web));
            if (result.Outcome != ConsentChangeOutcome.Saved)
            {
                throw new InvalidOperationException($"Change {i} was not saved: {result.Outcome} {result.Message}");
            }

            versions[(customer, channel)] = result.Current!.Version;
        }
    }
}
