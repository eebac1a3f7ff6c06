using System.Diagnostics;
using System.Globalization;
using PreferenceCenter.Benchmarks.Http;

namespace PreferenceCenter.Benchmarks.Api;

/// <summary>
/// The senders' API against the real app on Kestrel, warmed up, median of rounds: single decisions beside the bare
/// authenticated <c>GET /api/v1/me</c> (same key, same concurrency), the latency of 1,000-subject batches one at a time,
/// and durable reservations per second.
/// Usage: <c>api [concurrency=64] [rounds=5] [seconds per phase=3] [warm-up seconds=20] [customers=40000]</c>.
/// </summary>
public static class ApiBenchmark
{
    private const double TargetRatio = 0.50;
    private const double TargetReservations = 1_000;
    private const int BatchesPerRound = 200;
    private const int SignedUpWithEmail = 200;
    private static readonly TimeSpan TargetP95 = TimeSpan.FromMilliseconds(20);

    public static async Task<int> RunAsync(string[] args)
    {
        var concurrency = Arg(args, 0, 64);
        var rounds = Arg(args, 1, 5);
        var limit = TimeSpan.FromSeconds(Arg(args, 2, 3));
        var warmUp = TimeSpan.FromSeconds(Arg(args, 3, 20));
        var customers = Arg(args, 4, 40_000);
        Console.WriteLine($"API: {customers:N0} customers, {concurrency} in flight, {rounds} rounds of {limit.TotalSeconds:N0} s per phase and {BatchesPerRound} batches, after {warmUp.TotalSeconds:N0} s of warm-up. .NET {Environment.Version}, {Environment.ProcessorCount} cores.");

        await using var app = await AppProcess.StartAsync();
        var requests = new ApiRequests(await ApiSeed.SeedAsync(app, customers, SignedUpWithEmail));
        await ApiSmokeCheck.RunAsync(app.BaseAddress, requests);
        var load = new ApiLoad(app, requests, concurrency, limit);
        await WarmUpAsync(load, warmUp);

        var (decisions, me, reservations, p95s) = (new List<LoadFigure>(), new List<LoadFigure>(), new List<LoadFigure>(), new List<TimeSpan>());
        for (var round = 1; round <= rounds; round++)
        {
            // Alternate the order so neither side always runs right after the writes or the batches.
            if (round % 2 == 1)
            {
                decisions.Add(await load.DecisionsAsync(int.MaxValue));
                me.Add(await load.MeAsync(int.MaxValue));
            }
            else
            {
                me.Add(await load.MeAsync(int.MaxValue));
                decisions.Add(await load.DecisionsAsync(int.MaxValue));
            }

            reservations.Add(await load.ReservationsAsync(int.MaxValue));
            var (batches, batchCpu) = await load.BatchesAsync(BatchesPerRound);
            p95s.Add(SequentialLatency.Percentile(batches, 0.95));
            Console.WriteLine($"  round {round}: decision {Rate(decisions[^1])}   me {Rate(me[^1])}   reservation {Rate(reservations[^1])}   batch p50 {Ms(SequentialLatency.Percentile(batches, 0.5))} p95 {Ms(p95s[^1])} ({Ms(batchCpu)} app CPU each)");
        }

        return await ReportAsync(app, load, decisions, me, reservations, p95s, customers);
    }

    // Warm-up to steady state, as the unsubscribe benchmark learned: a sender meets an app that has been up for hours,
    // not one whose JIT is still tiering up. Rounds of every call with pauses, the app's CPU per decision printed to
    // show it level off.
    private static async Task WarmUpAsync(ApiLoad load, TimeSpan warmUp)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < warmUp)
        {
            var decisions = await load.DecisionsAsync(2_000);
            await load.MeAsync(2_000);
            var reservations = await load.ReservationsAsync(500);
            var (batches, _) = await load.BatchesAsync(10);
            Console.WriteLine($"  warm-up at {clock.Elapsed.TotalSeconds:N0} s: decision {Rate(decisions)}, reservation {Rate(reservations)}, batch p50 {Ms(SequentialLatency.Percentile(batches, 0.5))}");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<int> ReportAsync(
        AppProcess app, ApiLoad load, List<LoadFigure> decisions, List<LoadFigure> me, List<LoadFigure> reservations, List<TimeSpan> p95s, int customers)
    {
        var decision = Median(decisions);
        var bare = Median(me);
        var reservation = Median(reservations);
        var p95 = p95s.Order().ElementAt(p95s.Count / 2);
        var ratio = decision.PerSecond / bare.PerSecond;
        // The smoke check's reservation was for the first customer again, so the distinct count is the load's alone.
        var contacted = await ApiSeed.ContactedAsync(app.DatabasePath);
        var failed = decisions.Concat(me).Concat(reservations).Sum(f => f.Failed);
        var durable = contacted == Math.Min(load.Reserved, customers) && failed == 0;

        Console.WriteLine($"Single decision: {Rate(decision)} against GET /api/v1/me {Rate(bare)}: {ratio:P0} (target at least {TargetRatio:P0}): {Met(ratio >= TargetRatio)}");
        Console.WriteLine($"Batch of {ApiRequests.BatchSize:N0}, one at a time: p95 {Ms(p95)} (median of the rounds' p95; target at most {Ms(TargetP95)}): {Met(p95 <= TargetP95)}");
        Console.WriteLine($"Reservations: {Rate(reservation)} (target at least {TargetReservations:N0}/s): {Met(reservation.PerSecond >= TargetReservations)}");
        Console.WriteLine($"Durable afterwards: {contacted:N0} customers with a recorded SMS contact (expected {Math.Min(load.Reserved, customers):N0}), {failed} answers not 200: {(durable ? "OK" : "MISMATCH")}");
        var met = ratio >= TargetRatio && p95 <= TargetP95 && reservation.PerSecond >= TargetReservations;
        return met && durable ? 0 : 1;
    }

    private static LoadFigure Median(List<LoadFigure> figures) => figures.OrderBy(f => f.PerSecond).ElementAt(figures.Count / 2);

    private static string Rate(LoadFigure figure) => $"{figure.PerSecond,7:N0}/s ({figure.AppCpuEach.TotalMicroseconds:N0} µs app CPU each)";

    private static string Ms(TimeSpan value) => $"{value.TotalMilliseconds:N1} ms";

    private static string Met(bool met) => met ? "MET" : "NOT MET";

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
}
