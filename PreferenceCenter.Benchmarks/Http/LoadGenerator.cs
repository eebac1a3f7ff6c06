using System.Diagnostics;
using System.Net;

namespace PreferenceCenter.Benchmarks.Http;

/// <summary>
/// Sends request <c>i</c> for i = 0, 1, … with <paramref name="concurrency"/> requests in flight, bounded by count and by
/// time, over a pool of keep-alive HTTP/1.1 connections to loopback only. Returns requests per second; any non-200 is
/// counted. Requests 0 … Done − 1 were sent, none after, so a caller can tell which subjects a run used.
/// </summary>
public static class LoadGenerator
{
    public static async Task<(double PerSecond, int Done, int Failed)> RunAsync(
        Uri baseAddress, int count, Func<int, HttpRequestMessage> request, int concurrency, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(request);
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
            while (!stop.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < count)
            {
                using var message = request(i);
                using var response = await client.SendAsync(message, CancellationToken.None);
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
