using System.Diagnostics;
using System.Net;

namespace PreferenceCenter.Benchmarks.Unsubscribe;

/// <summary>
/// Sends one POST per path with <paramref name="concurrency"/> requests in flight, bounded by count and by time,
/// over a pool of keep-alive connections to loopback only. Returns requests per second; any non-200 is counted.
/// </summary>
public static class LoadGenerator
{
    public static async Task<(double PerSecond, int Done, int Failed)> RunAsync(
        Uri baseAddress, IReadOnlyList<string> paths, int concurrency, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(paths);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress };
        using var stop = new CancellationTokenSource(limit);
        var next = -1;
        var done = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while (!stop.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < paths.Count)
            {
                using var body = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
                using var response = await client.PostAsync(paths[i], body, CancellationToken.None);
                Interlocked.Increment(ref done);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        return (done / clock.Elapsed.TotalSeconds, done, failed);
    }
}
