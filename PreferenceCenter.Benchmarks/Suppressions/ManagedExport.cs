using System.Diagnostics;
using System.IO.Pipelines;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Benchmarks.Http;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Api;
using PreferenceCenter.Features.Api.Suppressions;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Benchmarks.Suppressions;

/// <summary>
/// The export's own managed memory, in this process where the GC can be asked: the app's <see cref="SuppressionFeed"/>
/// and <see cref="SuppressionRowWriter"/> on the app's files, writing to nowhere. Bytes allocated over the whole
/// export (<see cref="GC.GetTotalAllocatedBytes"/>) and the managed heap's peak above its size after a full
/// collection beforehand (<see cref="GC.GetTotalMemory"/> sampled every millisecond, garbage included).
/// </summary>
public static class ManagedExport
{
    public static async Task<(TimeSpan Elapsed, long Allocated, long PeakHeapGrowth)> MeasureAsync(AppProcess app, bool withAddresses)
    {
        ArgumentNullException.ThrowIfNull(app);
        var factory = new PooledDbContextFactory<AppDbContext>(StandaloneDbContextOptions.ForSqlite($"Data Source={app.DatabasePath}"));
        await using var services = BenchmarkServices.Compose(factory, app.Settings);
        var feed = new SuppressionFeed(services.GetRequiredService<PersonalDataProtector>(), TimeProvider.System);
        await RunAsync(feed, factory, withAddresses); // warm: JIT, EF's query cache

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                Thread.Sleep(1);
            }
        }, TaskCreationOptions.LongRunning);
        var clock = Stopwatch.StartNew();
        await RunAsync(feed, factory, withAddresses);
        clock.Stop();
        await stop.CancelAsync();
        await sampler;
        peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
        return (clock.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, peak - baseline);
    }

    private static async Task RunAsync(SuppressionFeed feed, PooledDbContextFactory<AppDbContext> factory, bool withAddresses)
    {
        await using var database = new ApiRequestDatabase(factory);
        var outcome = await feed.OpenAsync(database, "marketing", "sms", null, withAddresses, CancellationToken.None);
        await using var pull = outcome.Pull ?? throw new InvalidOperationException("The pull was refused.");
        var output = PipeWriter.Create(Stream.Null);
        await SuppressionRowWriter.WriteAsync(output, SuppressionFormat.Ndjson, pull.Rows, withAddresses, CancellationToken.None);
        await output.CompleteAsync();
    }
}
