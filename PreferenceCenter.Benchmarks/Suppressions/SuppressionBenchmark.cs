using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PreferenceCenter.Benchmarks.Http;

namespace PreferenceCenter.Benchmarks.Suppressions;

/// <summary>
/// The suppression list against the real app on Kestrel: the whole list of a customer base pulled over HTTP (by
/// reference, and with addresses opened under each customer's key), with the app's peak resident memory above where
/// it started; the export's managed allocations and heap peak measured in-process (<see cref="ManagedExport"/>); and
/// a 10,000-address check. Warmed up, median of rounds.
/// Usage: <c>suppressions [customers=100000] [rounds=5]</c>.
/// </summary>
public static class SuppressionBenchmark
{
    private const int CheckItems = 10_000;
    private const long TargetExtraBytes = 50L * 1024 * 1024;
    private static readonly TimeSpan TargetExport = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan TargetCheck = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(string[] args)
    {
        var customers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        Console.WriteLine($"Suppression list: {customers:N0} customers, {rounds} rounds. .NET {Environment.Version}, {Environment.ProcessorCount} cores.");

        await using var app = await AppProcess.StartAsync();
        var seeding = Stopwatch.StartNew();
        var workload = await SuppressionSeed.SeedAsync(app, customers, CheckItems);
        Console.WriteLine($"  seeded in {seeding.Elapsed.TotalSeconds:N1} s");
        using var references = Client(app, workload.ReferencesKey);
        using var addresses = Client(app, workload.AddressesKey);
        for (var i = 0; i < 2; i++)
        {
            await ExportAsync(app, references);
            await ExportAsync(app, addresses);
            await CheckAsync(app, references, workload.CheckItems);
        }

        var (byReference, withAddresses, checks) = (new List<ExportFigure>(), new List<ExportFigure>(), new List<(TimeSpan Elapsed, TimeSpan AppCpu)>());
        for (var round = 1; round <= rounds; round++)
        {
            byReference.Add(await ExportAsync(app, references));
            withAddresses.Add(await ExportAsync(app, addresses));
            checks.Add(await CheckAsync(app, references, workload.CheckItems));
            Console.WriteLine($"  round {round}: list {Describe(byReference[^1])}   with addresses {Describe(withAddresses[^1])}   check {Ms(checks[^1].Elapsed)} ({Ms(checks[^1].AppCpu)} app CPU)");
        }

        var managed = await ManagedExport.MeasureAsync(app, withAddresses: false);
        var managedWithAddresses = await ManagedExport.MeasureAsync(app, withAddresses: true);
        return Report(byReference, withAddresses, checks, managed, managedWithAddresses);
    }

    private static int Report(
        List<ExportFigure> byReference, List<ExportFigure> withAddresses, List<(TimeSpan Elapsed, TimeSpan AppCpu)> checks,
        (TimeSpan Elapsed, long Allocated, long PeakHeapGrowth) managed, (TimeSpan Elapsed, long Allocated, long PeakHeapGrowth) managedWithAddresses)
    {
        var list = Median(byReference);
        var addressed = Median(withAddresses);
        var check = checks.OrderBy(c => c.Elapsed).ElementAt(checks.Count / 2).Elapsed;
        var checkCpu = checks.OrderBy(c => c.AppCpu).ElementAt(checks.Count / 2).AppCpu;
        var peakResident = Math.Max(byReference.Max(f => f.PeakExtraResidentBytes), withAddresses.Max(f => f.PeakExtraResidentBytes));
        var peakManaged = Math.Max(managed.PeakHeapGrowth, managedWithAddresses.PeakHeapGrowth);
        Console.WriteLine($"Whole list by reference: {Describe(list)} (target at most {TargetExport.TotalSeconds:N0} s): {Met(list.Elapsed <= TargetExport)}");
        Console.WriteLine($"Whole list with addresses: {Describe(addressed)} (target at most {TargetExport.TotalSeconds:N0} s): {Met(addressed.Elapsed <= TargetExport)}");
        Console.WriteLine($"App's resident memory above its start, worst export: {Mb(peakResident)} (target at most {Mb(TargetExtraBytes)}): {Met(peakResident <= TargetExtraBytes)}");
        Console.WriteLine($"Managed, in-process: by reference {Ms(managed.Elapsed)}, {Mb(managed.Allocated)} allocated, heap peak +{Mb(managed.PeakHeapGrowth)}; with addresses {Ms(managedWithAddresses.Elapsed)}, {Mb(managedWithAddresses.Allocated)} allocated, heap peak +{Mb(managedWithAddresses.PeakHeapGrowth)} (target at most {Mb(TargetExtraBytes)}): {Met(peakManaged <= TargetExtraBytes)}");
        Console.WriteLine($"Check of {CheckItems:N0} addresses: {Ms(check)}, {Ms(checkCpu)} app CPU (target at most {TargetCheck.TotalSeconds:N0} s): {Met(check <= TargetCheck)}");
        var met = list.Elapsed <= TargetExport && addressed.Elapsed <= TargetExport && peakResident <= TargetExtraBytes && peakManaged <= TargetExtraBytes && check <= TargetCheck;
        return met ? 0 : 1;
    }

    private static HttpClient Client(AppProcess app, string key)
    {
        var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    // Read as a sender would, off the socket as it comes, nothing kept: rows counted by their line ends in blocks (a
    // string per line would spend the two cores' time on the client rather than the app).
    private static async Task<ExportFigure> ExportAsync(AppProcess app, HttpClient http)
    {
        var startResident = ProcessMemory.ResetPeak(app.ProcessId);
        var cpu = app.CpuTime;
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync("api/v1/suppressions?purpose=marketing&channel=sms", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        var (rows, bytes) = (0, 0L);
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            rows += buffer.AsSpan(0, read).Count((byte)'\n');
            bytes += read;
        }

        clock.Stop();
        return new ExportFigure(clock.Elapsed, app.CpuTime - cpu, rows, bytes, ProcessMemory.Peak(app.ProcessId) - startResident);
    }

    private static async Task<(TimeSpan Elapsed, TimeSpan AppCpu)> CheckAsync(AppProcess app, HttpClient http, IReadOnlyList<string> items)
    {
        var cpu = app.CpuTime;
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsJsonAsync("api/v1/suppressions/check", new { items, purpose = "marketing", channel = "sms" });
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadAsByteArrayAsync();
        return (clock.Elapsed, app.CpuTime - cpu);
    }

    private static ExportFigure Median(List<ExportFigure> figures) => figures.OrderBy(f => f.Elapsed).ElementAt(figures.Count / 2);

    private static string Describe(ExportFigure figure) =>
        $"{Ms(figure.Elapsed)} ({Ms(figure.AppCpu)} app CPU) for {figure.Rows:N0} rows ({Mb(figure.Bytes)}), app resident +{Mb(figure.PeakExtraResidentBytes)}";

    private static string Ms(TimeSpan value) => $"{value.TotalMilliseconds:N0} ms";

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:N1} MB";

    private static string Met(bool met) => met ? "MET" : "NOT MET";
}
