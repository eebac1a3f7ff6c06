using System.Text.Json;

namespace PreferenceCenter.Benchmarks.Api;

/// <summary>
/// Before anything is timed: each call answers what the benchmark claims to measure — the key is accepted, a seeded
/// customer is allowed, a batch holds 1,000 answers (mostly allowed, the emails found), a reservation is allowed. A fast
/// 401 or "unknown_subject" would otherwise pass for a fast decision.
/// </summary>
public static class ApiSmokeCheck
{
    public static async Task RunAsync(Uri baseAddress, ApiRequests requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        using var client = new HttpClient { BaseAddress = baseAddress };
        await ReadAsync(client, requests.Me());
        Expect((await ReadAsync(client, requests.Decision(0))).GetProperty("allowed").GetBoolean(), "a seeded customer is allowed");
        var answers = (await ReadAsync(client, requests.Batch(0))).GetProperty("results").EnumerateArray().ToList();
        var reasons = answers.GroupBy(a => a.GetProperty("reason").GetString()).ToDictionary(g => g.Key ?? "?", g => g.Count());
        Console.WriteLine($"  a batch's answers: {string.Join(", ", reasons.Select(r => $"{r.Value} {r.Key}"))}");
        Expect(answers.Count == ApiRequests.BatchSize && reasons.GetValueOrDefault("allowed") >= ApiRequests.BatchSize * 9 / 10, "a batch is 1,000 answers, mostly allowed");
        Expect((await ReadAsync(client, requests.Reservation(0))).GetProperty("allowed").GetBoolean(), "a reservation is allowed");
    }

    private static async Task<JsonElement> ReadAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Expect(response.IsSuccessStatusCode, $"{request.RequestUri} answers 200, not {(int)response.StatusCode}: {body}");
            using var json = JsonDocument.Parse(body);
            return json.RootElement.Clone();
        }
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Smoke check failed: {what}.");
        }
    }
}
