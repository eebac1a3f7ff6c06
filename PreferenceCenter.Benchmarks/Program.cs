using System.Globalization;
using PreferenceCenter.Benchmarks;
using PreferenceCenter.Benchmarks.Api;
using PreferenceCenter.Benchmarks.Circuits;
using PreferenceCenter.Benchmarks.Erasure;
using PreferenceCenter.Benchmarks.Import;
using PreferenceCenter.Benchmarks.PostgreSql;
using PreferenceCenter.Benchmarks.ScaleOut;
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

if (args.Length > 0 && args[0] == "postgresql")
{
    return await PostgreSqlConsentBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "unsubscribe-postgresql")
{
    return await UnsubscribeBenchmark.RunAsync(args[1..], onPostgreSql: true);
}

if (args.Length > 0 && args[0] == "erasure-postgresql")
{
    return await ErasureRewriteBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "two-instances")
{
    return await TwoInstancesBurst.RunAsync(args[1..]);
}

// Consent changes per second through the real ConsentService (state + ledger entry in one transaction) beside
// a raw Microsoft.Data.Sqlite loop writing the same rows, on the same machine in the same run.
// Usage: dotnet run -c Release --project PreferenceCenter.Benchmarks -- [changes=5000] [rounds=5]
var changes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
return await ConsentRounds.RunAsync(
    "Raw SQLite loop", 0.50, changes, rounds, () => BenchmarkDatabase.CreateAsync(customers: Math.Max(1, changes / 10)), RawSqliteLoop.RunAsync);
