using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PreferenceCenter.Benchmarks.PostgreSql;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Preferences;

namespace PreferenceCenter.Benchmarks.Erasure;

/// <summary>
/// What erasure's scrub costs on PostgreSQL as the tables grow (ADR 0015): <c>VACUUM (FULL)</c> of every table erasure
/// deletes from rewrites each whole table while holding its ACCESS EXCLUSIVE lock, so anything that reads or writes one
/// of them waits until it is done. Fills those tables with <c>customers</c> rows each (values of the columns' types and
/// lengths, through <c>generate_series</c>), runs the app's own <see cref="ErasureSteps.ForgetStorageAsync"/> on them,
/// and meanwhile times a probe that reads a contact rule every 10 ms, as a "may we contact them?" decision does.
/// Usage: <c>erasure-postgresql [customers=200000]</c>. Reports; it has no target to meet (issue 16 asks to measure).
/// </summary>
public static class ErasureRewriteBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var customers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        Console.WriteLine($"Erasure's scrub on PostgreSQL with {customers:N0} rows in each table it rewrites. .NET {Environment.Version}, {Environment.ProcessorCount} cores. {LoadAverage.Now()}");
        await using var server = await PostgreSqlServer.StartAsync();
        Console.WriteLine($"On {server.Description}.");
        var template = await PostgreSqlBenchmarkDatabase.CreateTemplateAsync(server, customers: 10);
        await using var database = await PostgreSqlBenchmarkDatabase.CreateAsync(server, template);
        var settings = new Dictionary<string, string?>(database.Settings)
        {
            ["App:PublicBaseUrl"] = "http://127.0.0.1/",
            ["PersonalData:MasterKey"] = BenchmarkServices.RandomKey(),
            ["PersonalData:BlindIndexKey"] = BenchmarkServices.RandomKey(),
            ["PersonalData:SuppressionKey"] = BenchmarkServices.RandomKey(),
        };
        await using var services = BenchmarkServices.Compose(database, settings, s => s.AddPreferences().AddErasure());
        var steps = services.GetRequiredService<ErasureSteps>();

        await using var db = database.CreateDbContext();
        var tables = steps.ErasedFrom(db).Select(e => e.GetTableName()!).Distinct(StringComparer.Ordinal).ToList();
        var fill = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var table in tables)
            {
                await TableFill.FillAsync(connection, table, customers);
            }

            await using var analyze = new NpgsqlCommand("CHECKPOINT; ANALYZE", connection);
            await analyze.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"Filled {tables.Count} tables in {fill.Elapsed.TotalSeconds:N0} s:");
        foreach (var (table, bytes) in await TableFill.SizesAsync(database.ConnectionString, tables))
        {
            Console.WriteLine($"  {table,-24} {bytes / 1024.0 / 1024.0,8:N1} MiB with its indexes");
        }

        using var stop = new CancellationTokenSource();
        var probe = ProbeAsync(database.ConnectionString, stop.Token);
        var scrub = Stopwatch.StartNew();
        await steps.ForgetStorageAsync(db, CancellationToken.None);
        scrub.Stop();
        await Task.Delay(100);
        await stop.CancelAsync();
        var (reads, longest) = await probe;
        Console.WriteLine($"Scrub (VACUUM (FULL) of the {tables.Count} tables, after waiting for older transactions): {scrub.Elapsed.TotalSeconds:N1} s");
        Console.WriteLine($"A contact-rule read every 10 ms meanwhile: {reads} reads, the longest waited {longest.TotalSeconds:N1} s.");

        // How long each table is locked: VACUUM (FULL) takes one table at a time, each under its own lock.
        Console.WriteLine("Each table rewritten alone (how long anything touching it waits):");
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var table in tables)
            {
                var watch = Stopwatch.StartNew();
                await using var vacuum = new NpgsqlCommand($"VACUUM (FULL) \"{table}\"", connection) { CommandTimeout = 0 };
                await vacuum.ExecuteNonQueryAsync();
                Console.WriteLine($"  {table,-24} {watch.Elapsed.TotalSeconds,6:N2} s");
            }
        }

        Console.WriteLine(LoadAverage.Now());
        return 0;
    }

    // Reads one contact rule by key every 10 ms on its own connection; the longest single read is how long a
    // decision would have waited for the rewrite's lock.
    private static async Task<(int Reads, TimeSpan Longest)> ProbeAsync(string connectionString, CancellationToken stop)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var read = new NpgsqlCommand("""SELECT count(*) FROM (SELECT 1 FROM "ContactRules" LIMIT 1) AS r""", connection);
        var (reads, longest) = (0, TimeSpan.Zero);
        while (!stop.IsCancellationRequested)
        {
            var watch = Stopwatch.StartNew();
            await read.ExecuteScalarAsync(CancellationToken.None);
            longest = watch.Elapsed > longest ? watch.Elapsed : longest;
            reads++;
            try
            {
                await Task.Delay(10, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (reads, longest);
    }
}
