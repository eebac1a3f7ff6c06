using System.Diagnostics;

namespace PreferenceCenter.Benchmarks;

/// <summary>
/// The consent-change comparison on either provider: N changes through the real ConsentService beside a raw loop
/// writing the same rows, each side on a fresh database, in rounds that alternate which side goes first; medians count.
/// </summary>
public static class ConsentRounds
{
    public static async Task<int> RunAsync<TDatabase>(
        string rawName, double target, int changes, int rounds, Func<Task<TDatabase>> create, Func<TDatabase, int, Task> rawLoop)
        where TDatabase : IConsentBenchmarkDatabase
    {
        ArgumentNullException.ThrowIfNull(create);
        Console.WriteLine($"Recording {changes} consent changes per round, {rounds} rounds; the median round counts. .NET {Environment.Version}, {Environment.ProcessorCount} cores. {LoadAverage.Now()}");
        var service = new List<double>();
        var raw = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            // Alternate the order so neither side always gets the warmer disk cache.
            if (round % 2 == 1)
            {
                raw.Add(await MeasureAsync(create, rawLoop, changes));
                service.Add(await MeasureAsync(create, (database, n) => ServiceLoop.RunAsync(database, n), changes));
            }
            else
            {
                service.Add(await MeasureAsync(create, (database, n) => ServiceLoop.RunAsync(database, n), changes));
                raw.Add(await MeasureAsync(create, rawLoop, changes));
            }

            Console.WriteLine($"  round {round}: service {service[^1],8:N0}/s   raw {raw[^1],8:N0}/s");
        }

        // The median, not the best: one lucky fsync streak on either side should not decide the comparison.
        var ratio = Median(service) / Median(raw);
        Console.WriteLine($"ConsentService: {Median(service):N0} changes/s (durable: state + hash-chained ledger entry per change)");
        Console.WriteLine($"{rawName}: {Median(raw):N0} changes/s (same rows, same transactions)");
        Console.WriteLine($"Ratio: {ratio:P0} of the raw loop (target at least {target:P0}): {(ratio >= target ? "MET" : "NOT MET")}. {LoadAverage.Now()}");
        return ratio >= target ? 0 : 1;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static async Task<double> MeasureAsync<TDatabase>(Func<Task<TDatabase>> create, Func<TDatabase, int, Task> loop, int changes)
        where TDatabase : IConsentBenchmarkDatabase
    {
        await using var database = await create();
        await loop(database, Math.Min(500, changes)); // warm-up to steady state: tiered JIT, query caches, page cache
        var clock = Stopwatch.StartNew();
        await loop(database, changes);
        return changes / clock.Elapsed.TotalSeconds;
    }
}
