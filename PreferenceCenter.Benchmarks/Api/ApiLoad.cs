using PreferenceCenter.Benchmarks.Http;

namespace PreferenceCenter.Benchmarks.Api;

/// <summary>
/// Drives the app's API: each phase at the same concurrency for the same time. It remembers how far the single
/// decisions and the reservations have got, so each call moves on to customers not yet asked about.
/// </summary>
public sealed class ApiLoad(AppProcess app, ApiRequests requests, int concurrency, TimeSpan limit)
{
    private int decided;

    /// <summary>Reservations answered so far, each for the next customer in turn.</summary>
    public int Reserved { get; private set; }

    public Task<LoadFigure> MeAsync(int count) => MeasureAsync(count, _ => requests.Me());

    public async Task<LoadFigure> DecisionsAsync(int count)
    {
        var start = decided;
        var figure = await MeasureAsync(count, i => requests.Decision(start + i));
        decided += figure.Done;
        return figure;
    }

    public async Task<LoadFigure> ReservationsAsync(int count)
    {
        var start = Reserved;
        var figure = await MeasureAsync(count, i => requests.Reservation(start + i));
        Reserved += figure.Done;
        return figure;
    }

    /// <summary>Batches one after another, each a different mix of 1,000 subjects; the latency of each, and the app's CPU per batch.</summary>
    public async Task<(IReadOnlyList<TimeSpan> Latencies, TimeSpan AppCpuEach)> BatchesAsync(int count)
    {
        var cpu = app.CpuTime;
        var latencies = await SequentialLatency.RunAsync(app.BaseAddress, count, requests.Batch);
        return (latencies, (app.CpuTime - cpu) / count);
    }

    private async Task<LoadFigure> MeasureAsync(int count, Func<int, HttpRequestMessage> request)
    {
        var cpu = app.CpuTime;
        var (perSecond, done, failed) = await LoadGenerator.RunAsync(app.BaseAddress, count, request, concurrency, limit);
        return new LoadFigure(perSecond, done, failed, (app.CpuTime - cpu) / Math.Max(1, done));
    }
}
