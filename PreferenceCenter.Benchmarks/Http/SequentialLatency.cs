using System.Diagnostics;
using System.Net;

namespace PreferenceCenter.Benchmarks.Http;

/// <summary>
/// Sends requests one at a time on one keep-alive connection and times each from send until the whole answer is
/// read (SendAsync buffers it): the latency one caller sees with nothing else in flight. Any non-200 stops the run.
/// </summary>
public static class SequentialLatency
{
    public static async Task<IReadOnlyList<TimeSpan>> RunAsync(Uri baseAddress, int count, Func<int, HttpRequestMessage> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = baseAddress };
        var latencies = new List<TimeSpan>(count);
        for (var i = 0; i < count; i++)
        {
            using var message = request(i);
            var clock = Stopwatch.StartNew();
            using var response = await client.SendAsync(message);
            latencies.Add(clock.Elapsed);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"Request {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        return latencies;
    }

    /// <summary>The nearest-rank percentile (0 &lt; p ≤ 1): the value at or below which that share of the samples lie.</summary>
    public static TimeSpan Percentile(IEnumerable<TimeSpan> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
