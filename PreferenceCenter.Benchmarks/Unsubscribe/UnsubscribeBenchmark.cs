using System.Globalization;
using PreferenceCenter.Benchmarks.Http;
using PreferenceCenter.Benchmarks.PostgreSql;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Benchmarks.Unsubscribe;

/// <summary>
/// One-click unsubscribes per second against the real app on Kestrel (state + ledger entry, durable), beside a
/// bare endpoint in the same app in the same run, on SQLite or (<c>unsubscribe-postgresql</c>) on a durable PostgreSQL
/// cluster of its own over a unix socket (<see cref="PostgreSqlServer"/>).
/// Usage: <c>unsubscribe[-postgresql] [count=20000] [concurrency=256] [seconds=60] [warm-up seconds=20] [rounds=5]</c>.
/// </summary>
public static class UnsubscribeBenchmark
{
    // Warm-up to steady state: a campaign burst meets an app that has been running for hours. After a warm-up of
    // only 500 requests, a perf profile of the measured phase found a third of the app's CPU in the JIT's background
    // tier-up thread, which was still compiling over a thousand methods a second: it measured the JIT, not the
    // endpoint. So the warm-up runs rounds of both sides for a while (each round's CPU per request is printed, to
    // show it has levelled off), with pauses like the idle moments in which a running app's tier-up catches up.
    private const int WarmUpPerRound = 2_000;
    private const int WarmUpPool = 40_000;
    private const double TargetPerSecond = 1_000;
    private const double TargetRatio = 0.25;

    public static async Task<int> RunAsync(string[] args, bool onPostgreSql = false)
    {
        // A campaign's burst has hundreds of one-click POSTs in flight; 24 (the first default) understated how much
        // group commit can share one fsync. Both sides run at the same concurrency.
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 256;
        var limit = TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60);
        var warmUpTime = TimeSpan.FromSeconds(args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20);
        var rounds = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 5;
        if (rounds < 1 || count < rounds)
        {
            Console.Error.WriteLine($"Give at least one round and at least one POST per round (count {count}, rounds {rounds}).");
            return 2;
        }

        Console.WriteLine($"One-click unsubscribe: {count} POSTs in {rounds} alternating rounds, {concurrency} in flight, at most {limit.TotalSeconds:N0} s per phase, after {warmUpTime.TotalSeconds:N0} s of warm-up. .NET {Environment.Version}, {Environment.ProcessorCount} cores. {LoadAverage.Now()}");

        await using var postgres = onPostgreSql ? await PostgreSqlServer.StartAsync() : null;
        Console.WriteLine($"On {postgres?.Description ?? "SQLite (a file in the temporary folder, WAL)"}.");
        await using var app = await AppProcess.StartAsync(postgres: postgres);
        var customers = (await AppSeed.CustomersAsync(app.Database, WarmUpPool + count, Channel.Email)).Select(c => c.Id).ToList();
        var links = UnsubscribeSeed.Links(app, customers);
        var warmUpLinks = links.Take(WarmUpPool).ToList();
        var bare = Enumerable.Repeat("bench/bare", count).ToList();   // same body as a one-click; the endpoint reads and checks it

        // Warm-up of both sides: tiered JIT, connection pool, query caches, page cache.
        var warmUp = 0;
        var warmUpClock = System.Diagnostics.Stopwatch.StartNew();
        while (warmUpClock.Elapsed < warmUpTime && warmUp + WarmUpPerRound <= WarmUpPool)
        {
            var roundCpu = app.CpuTime;
            var round = await Post(app.BaseAddress, warmUpLinks[warmUp..(warmUp + WarmUpPerRound)], concurrency, limit);
            warmUp += round.Done;
            Console.WriteLine($"  warm-up at {warmUpClock.Elapsed.TotalSeconds:N0} s: {round.PerSecond:N0}/s, app CPU {((app.CpuTime - roundCpu) / round.Done).TotalMicroseconds:N0} µs each");
            await Post(app.BaseAddress, bare[..Math.Min(WarmUpPerRound, count)], concurrency, limit);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        // Measured in rounds that alternate which side goes first, and the medians count: one load spike on this
        // shared machine once decided a single pair of phases (8 % in one run, 41 % in the next, same build).
        var measured = links.Skip(WarmUpPool).ToList();
        var perRound = count / rounds;
        var unsubscribes = new List<double>();
        var bares = new List<double>();
        var ratios = new List<double>();
        var unsubscribeCpu = TimeSpan.Zero;
        var baselineCpu = TimeSpan.Zero;
        var databaseCpu = TimeSpan.Zero;
        var (done, failed, bareFailed) = (0, 0, 0);
        for (var round = 0; round < rounds; round++)
        {
            (double PerSecond, int Done, int Failed) unsubscribe = default, baseline = default;
            foreach (var bareFirst in round % 2 == 0 ? new[] { false, true } : [true, false])
            {
                var cpu = app.CpuTime;
                if (bareFirst)
                {
                    baseline = await Post(app.BaseAddress, bare[..perRound], concurrency, limit);
                    baselineCpu += app.CpuTime - cpu;
                }
                else
                {
                    var serverCpu = postgres?.CpuTime ?? TimeSpan.Zero;
                    unsubscribe = await Post(app.BaseAddress, measured.GetRange(done, perRound), concurrency, limit);
                    unsubscribeCpu += app.CpuTime - cpu;
                    databaseCpu += (postgres?.CpuTime ?? TimeSpan.Zero) - serverCpu;
                }
            }

            done += unsubscribe.Done;
            failed += unsubscribe.Failed;
            bareFailed += baseline.Failed;
            unsubscribes.Add(unsubscribe.PerSecond);
            bares.Add(baseline.PerSecond);
            ratios.Add(unsubscribe.PerSecond / baseline.PerSecond);
            Console.WriteLine($"  round {round + 1} ({(round % 2 == 0 ? "unsubscribe first" : "bare first")}): {unsubscribe.PerSecond:N0}/s against {baseline.PerSecond:N0}/s = {ratios[^1]:P0}");
            if (unsubscribe.Done < perRound)
            {
                break;   // the time limit cut the round short: the later rounds would have no fresh links in order
            }
        }

        var (withdrawn, entries) = await UnsubscribeSeed.CountAsync(app.Database);
        var ratio = Median(ratios);
        var durable = withdrawn == warmUp + done && entries == withdrawn && failed == 0;
        Console.WriteLine($"One-click unsubscribe: {Median(unsubscribes):N0}/s median of {unsubscribes.Count} rounds ({done} done, {failed} not 200), app CPU {(unsubscribeCpu / Math.Max(done, 1)).TotalMicroseconds:N0} µs each{(postgres is null ? "" : $", PostgreSQL CPU {(databaseCpu / Math.Max(done, 1)).TotalMicroseconds:N0} µs each")}");
        Console.WriteLine($"Bare endpoint:         {Median(bares):N0}/s median ({bareFailed} not 200), app CPU {(baselineCpu / Math.Max(bares.Count * perRound, 1)).TotalMicroseconds:N0} µs each");
        Console.WriteLine($"Durable afterwards: {withdrawn} consents withdrawn, {entries} one-click ledger entries (expected {warmUp + done} each): {(durable ? "OK" : "MISMATCH")}");
        var met = Median(unsubscribes) >= TargetPerSecond && ratio >= TargetRatio;
        Console.WriteLine($"Ratio: {ratio:P0} of the bare endpoint (median of the rounds' ratios). Target at least {TargetPerSecond:N0}/s and {TargetRatio:P0}: {(met ? "MET" : "NOT MET")}. {LoadAverage.Now()}");
        return met && durable ? 0 : 1;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    // One POST per path, with the body a mail client's one-click sends.
    private static Task<(double PerSecond, int Done, int Failed)> Post(Uri baseAddress, List<string> paths, int concurrency, TimeSpan limit) =>
        LoadGenerator.RunAsync(baseAddress, paths.Count, i => new HttpRequestMessage(HttpMethod.Post, paths[i])
        {
            Content = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]),
        }, concurrency, limit);
}
