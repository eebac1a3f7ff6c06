using System.Globalization;

namespace PreferenceCenter.Benchmarks.Unsubscribe;

/// <summary>
/// One-click unsubscribes per second against the real app on Kestrel (state + ledger entry, durable), beside a
/// bare endpoint in the same app in the same run. Usage: <c>unsubscribe [count=5000] [concurrency=24] [seconds=60]</c>.
/// </summary>
public static class UnsubscribeBenchmark
{
    private const int WarmUp = 500;
    private const double TargetPerSecond = 1_000;
    private const double TargetRatio = 0.25;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 24;
        var limit = TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60);
        Console.WriteLine($"One-click unsubscribe: {count} POSTs, {concurrency} in flight, at most {limit.TotalSeconds:N0} s per side. .NET {Environment.Version}, {Environment.ProcessorCount} cores.");

        await using var app = await AppProcess.StartAsync();
        var customers = await UnsubscribeSeed.CustomersAsync(app.DatabasePath, WarmUp + count);
        var links = UnsubscribeSeed.Links(app.DatabasePath, customers);
        var bare = Enumerable.Repeat("bench/bare", count).ToList();

        // Warm-up of both sides: tiered JIT, connection pool, query caches, page cache.
        await LoadGenerator.RunAsync(app.BaseAddress, [.. links.Take(WarmUp)], concurrency, limit);
        await LoadGenerator.RunAsync(app.BaseAddress, bare[..WarmUp], concurrency, limit);

        var cpu = app.CpuTime;
        var unsubscribe = await LoadGenerator.RunAsync(app.BaseAddress, [.. links.Skip(WarmUp)], concurrency, limit);
        var unsubscribeCpu = (app.CpuTime - cpu) / unsubscribe.Done;
        cpu = app.CpuTime;
        var baseline = await LoadGenerator.RunAsync(app.BaseAddress, bare, concurrency, limit);
        var baselineCpu = (app.CpuTime - cpu) / baseline.Done;
        var (withdrawn, entries) = await UnsubscribeSeed.CountAsync(app.DatabasePath);

        var ratio = unsubscribe.PerSecond / baseline.PerSecond;
        var durable = withdrawn == WarmUp + unsubscribe.Done && entries == withdrawn && unsubscribe.Failed == 0;
        Console.WriteLine($"One-click unsubscribe: {unsubscribe.PerSecond:N0}/s ({unsubscribe.Done} done, {unsubscribe.Failed} not 200), app CPU {unsubscribeCpu.TotalMicroseconds:N0} µs each");
        Console.WriteLine($"Bare endpoint:         {baseline.PerSecond:N0}/s ({baseline.Done} done, {baseline.Failed} not 200), app CPU {baselineCpu.TotalMicroseconds:N0} µs each");
        Console.WriteLine($"Durable afterwards: {withdrawn} consents withdrawn, {entries} one-click ledger entries (expected {WarmUp + unsubscribe.Done} each): {(durable ? "OK" : "MISMATCH")}");
        var met = unsubscribe.PerSecond >= TargetPerSecond && ratio >= TargetRatio;
        Console.WriteLine($"Ratio: {ratio:P0} of the bare endpoint. Target at least {TargetPerSecond:N0}/s and {TargetRatio:P0}: {(met ? "MET" : "NOT MET")}");
        return met && durable ? 0 : 1;
    }
}
