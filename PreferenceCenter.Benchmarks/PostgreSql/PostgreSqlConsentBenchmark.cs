using System.Globalization;

namespace PreferenceCenter.Benchmarks.PostgreSql;

/// <summary>
/// The consent-change benchmark on PostgreSQL: the real ConsentService beside <see cref="RawNpgsqlLoop"/>, each round on
/// a fresh database of a durable cluster reached over its unix socket (<see cref="PostgreSqlServer"/>).
/// Usage: <c>postgresql [changes=5000] [rounds=5]</c>; <c>PC_BENCH_POSTGRES</c> names a server to use instead.
/// </summary>
public static class PostgreSqlConsentBenchmark
{
    // Issue 16: the ratio asked of SQLite when the PostgreSQL store was planned (SQLite's target is 50 % since issue 19).
    private const double Target = 0.30;

    public static async Task<int> RunAsync(string[] args)
    {
        var changes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        await using var server = await PostgreSqlServer.StartAsync();
        Console.WriteLine($"On {server.Description}.");
        var template = await PostgreSqlBenchmarkDatabase.CreateTemplateAsync(server, customers: Math.Max(1, changes / 10));
        return await ConsentRounds.RunAsync(
            "Raw Npgsql loop", Target, changes, rounds, () => PostgreSqlBenchmarkDatabase.CreateAsync(server, template), RawNpgsqlLoop.RunAsync);
    }
}
