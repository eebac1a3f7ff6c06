using System.Diagnostics;
using System.Globalization;
using PreferenceCenter.Benchmarks;
using PreferenceCenter.Benchmarks.Api;
using PreferenceCenter.Benchmarks.Circuits;
using PreferenceCenter.Benchmarks.Import;
using PreferenceCenter.Benchmarks.Suppressions;
using PreferenceCenter.Benchmarks.Unsubscribe;

if (args.Length > 0 && args[0] == "unsubscribe")
{
    return await UnsubscribeBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "circuits")
{
    return await CircuitMemoryBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "suppressions")
{
    return await SuppressionBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "import")
{
    return await ImportBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "api")
{
    return await ApiBenchmark.RunAsync(args[1..]);
}

// Consent changes per second through the real ConsentService (state + ledger entry in one transaction) beside
// a raw Microsoft.Data.Sqlite loop writing the same rows, on the same machine in the same run.
// Usage: dotnet run -c Release --project PreferenceCenter.Benchmarks -- [changes=5000] [rounds=5]
var changes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
const double Target = 0.50;

Console.WriteLine($"Recording {changes} consent changes per round, {rounds} rounds; the median round counts. .NET {Environment.Version}, {Environment.ProcessorCount} cores.");
var service = new List<double>();
var raw = new List<double>();
for (var round = 1; round <= rounds; round++)
{
    // Alternate the order so neither side always gets the warmer disk cache.
    if (round % 2 == 1)
    {
        raw.Add(await MeasureAsync(RawSqliteLoop.RunAsync, changes));
        service.Add(await MeasureAsync(ServiceLoop.RunAsync, changes));
    }
    else
    {
        service.Add(await MeasureAsync(ServiceLoop.RunAsync, changes));
        raw.Add(await MeasureAsync(RawSqliteLoop.RunAsync, changes));
    }

    Console.WriteLine($"  round {round}: service {service[^1],8:N0}/s   raw {raw[^1],8:N0}/s");
}

// The median, not the best: one lucky fsync streak on either side should not decide the comparison.
var ratio = Median(service) / Median(raw);
Console.WriteLine($"ConsentService: {Median(service):N0} changes/s (durable: state + hash-chained ledger entry per change)");
Console.WriteLine($"Raw SQLite loop: {Median(raw):N0} changes/s (same rows, same transactions)");
Console.WriteLine($"Ratio: {ratio:P0} of the raw loop (target at least {Target:P0}): {(ratio >= Target ? "MET" : "NOT MET")}");
return ratio >= Target ? 0 : 1;

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static async Task<double> MeasureAsync(Func<BenchmarkDatabase, int, Task> loop, int changes)
{
    await using var database = await BenchmarkDatabase.CreateAsync(customers: Math.Max(1, changes / 10));
    await loop(database, Math.Min(500, changes)); // warm-up to steady state: tiered JIT, query caches, page cache
    var clock = Stopwatch.StartNew();
    await loop(database, changes);
    return changes / clock.Elapsed.TotalSeconds;
}
