using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Import;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Benchmarks.Import;

/// <summary>
/// Rows per second through the real import (parse and check the file, seal and queue it, then run it chunk by chunk:
/// customers with sealed profiles and keys, consents through ConsentService's import batch, hash-chained ledger
/// entries, row keys, progress) beside a raw SQLite loop writing the same rows in the same chunks, same run, same disk.
/// Usage: dotnet run -c Release --project PreferenceCenter.Benchmarks -- import [rows=100000] [rounds=3]
/// </summary>
public static class ImportBenchmark
{
    private const double Target = 0.25;

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var chunk = new ImportOptions().ChunkSize;
        Console.WriteLine($"Importing {rows:N0} rows per round (chunks of {chunk}), {rounds} rounds; the median counts. .NET {Environment.Version}, {Environment.ProcessorCount} cores.");
        var (service, raw) = (new List<double>(), new List<double>());
        for (var round = 1; round <= rounds; round++)
        {
            // Alternate the order so neither side always gets the warmer disk cache.
            if (round % 2 == 1)
            {
                raw.Add(await RawAsync(rows, chunk));
                service.Add(await ServiceAsync(rows));
            }
            else
            {
                service.Add(await ServiceAsync(rows));
                raw.Add(await RawAsync(rows, chunk));
            }

            Console.WriteLine($"  round {round}: import {service[^1],8:N0} rows/s   raw {raw[^1],8:N0} rows/s");
        }

        var ratio = Median(service) / Median(raw);
        Console.WriteLine($"Import: {Median(service):N0} rows/s ({rows / Median(service):N1} s for {rows:N0} rows, file checked, queued and run)");
        Console.WriteLine($"Raw SQLite loop: {Median(raw):N0} rows/s (same rows, same chunks, same PRAGMAs)");
        Console.WriteLine($"Ratio: {ratio:P0} of the raw loop (target at least {Target:P0}): {(ratio >= Target ? "MET" : "NOT MET")}");
        return ratio >= Target ? 0 : 1;
    }

    private static async Task<double> ServiceAsync(int rows)
    {
        await using var database = await BenchmarkDatabase.CreateAsync(customers: 1);
        await using var services = BenchmarkServices.Compose(database, new Dictionary<string, string?>
        {
            ["App:PublicBaseUrl"] = "http://127.0.0.1/",
            ["ConnectionStrings:PersonalDataKeys"] = $"Data Source={database.Path}.keys",
            ["PersonalData:MasterKey"] = BenchmarkServices.RandomKey(),
            ["PersonalData:BlindIndexKey"] = BenchmarkServices.RandomKey(),
            ["PersonalData:SuppressionKey"] = BenchmarkServices.RandomKey(),
        }, s => s.AddImport(new ConfigurationBuilder().Build()));
        await services.GetRequiredService<CustomerKeyStore>().InitializeAsync();
        var (imports, runner) = (services.GetRequiredService<ImportService>(), services.GetRequiredService<ImportRunner>());
        await WarmUpAsync(imports, runner);
        var file = ImportFile.Create(rows, Guid.NewGuid().ToString("N")[..8]);
        var clock = Stopwatch.StartNew();
        var start = await imports.StartAsync(file, "bench.csv", Actor.System("benchmark"));
        if (await runner.RunAsync(start.Run!.Id) != ImportRunState.Completed || (await imports.GetAsync(start.Run.Id))!.Written != rows)
        {
            throw new InvalidOperationException("The import did not write every row.");
        }

        return rows / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> RawAsync(int rows, int chunk)
    {
        await using var database = await BenchmarkDatabase.CreateAsync(customers: 1);
        await RawImportLoop.RunAsync(database.Path, database.MarketingPurposeId, Math.Min(500, rows), chunk, "warm");
        var clock = Stopwatch.StartNew();
        await RawImportLoop.RunAsync(database.Path, database.MarketingPurposeId, rows, chunk, "bench");
        return rows / clock.Elapsed.TotalSeconds;
    }

    // Tiered JIT, query caches and the page cache at steady state, as the raw loop's warm-up does.
    private static async Task WarmUpAsync(ImportService imports, ImportRunner runner)
    {
        var start = await imports.StartAsync(ImportFile.Create(500, "warm"), "warm.csv", Actor.System("benchmark"));
        await runner.RunAsync(start.Run!.Id);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
