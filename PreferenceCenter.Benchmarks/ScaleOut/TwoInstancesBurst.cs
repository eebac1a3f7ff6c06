using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Benchmarks.Unsubscribe;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Benchmarks.ScaleOut;

/// <summary>
/// A burst split across two instances of the app on one PostgreSQL (<c>deploy/scale-out.sh</c>): N one-click
/// unsubscribes and N API consent grants, every one sent twice, once to each instance, all mixed and in flight at once
/// (a retrying sender; the two copies race each other). On a 2-core machine the point is not speed but that every
/// acknowledged change is in the database exactly once: its consent in the new state, one ledger entry, none for a
/// copy, none lost, and <c>verify-ledger</c> passes over the whole chain. Exits 1 otherwise.
/// Usage: <c>two-instances [changes of each kind=2000] [in flight=64]</c>.
/// </summary>
public static class TwoInstancesBurst
{
    private enum Kind { OneClick, Api }

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 64;
        Console.WriteLine($"Two instances: {count} one-click unsubscribes and {count} API consent grants, each sent to both instances, {concurrency} in flight. .NET {Environment.Version}, {Environment.ProcessorCount} cores. {LoadAverage.Now()}");
        var settings = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["PersonalData:MasterKey"] = BenchmarkServices.RandomKey(),
            ["PersonalData:BlindIndexKey"] = BenchmarkServices.RandomKey(),
            ["PersonalData:SuppressionKey"] = BenchmarkServices.RandomKey(),
            // The load comes from one address: limits on, far above the load.
            ["RateLimits:OneClickUnsubscribe:PerClient:Permits"] = "1000000",
            ["RateLimits:OneClickUnsubscribe:PerClient:Window"] = "00:00:01",
            ["RateLimits:EmailedLink:PerClient:Permits"] = "1000000",
            ["RateLimits:EmailedLink:PerClient:Window"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await using var deployment = await ScaleOutScript.StartAsync(settings);
        Console.WriteLine($"deploy/scale-out.sh is up: instances {deployment.Instances[0]} and {deployment.Instances[1]}, PostgreSQL (the script's cluster, fsync on).");
        var (customers, purposeId) = await BurstSeed.CustomersAsync(deployment.Database, 2 * count, granted: count);
        var key = await BurstSeed.ApiKeyAsync(deployment.Database, settings);
        var oneClick = customers.Take(count).ToList();
        var api = customers.Skip(count).ToList();
        var links = UnsubscribeSeed.Links(deployment.Database, settings, oneClick.Select(c => c.Id));
        long before;
        await using (var db = StandaloneDbContextOptions.Create(deployment.Database))
        {
            before = await db.LedgerEntries.MaxAsync(e => (long?)e.Sequence) ?? 0;
        }

        // Every change twice, once per instance, in a shuffled order so that copies race each other and the other kind.
        var requests = Enumerable.Range(0, count).SelectMany(i => new[] { (Kind.OneClick, i, 0), (Kind.OneClick, i, 1), (Kind.Api, i, 0), (Kind.Api, i, 1) })
            .OrderBy(_ => Random.Shared.Next()).ToArray();
        var answers = new HttpStatusCode[requests.Length];
        var clients = deployment.Instances.Select(instance =>
        {
            var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseCookies = false }) { BaseAddress = instance };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            return client;
        }).ToArray();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < requests.Length)
            {
                var (kind, i, instance) = requests[n];
                using var message = kind == Kind.OneClick
                    ? new HttpRequestMessage(HttpMethod.Post, links[i]) { Content = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]) }
                    : new HttpRequestMessage(HttpMethod.Post, $"api/v1/customers/{api[i].Reference}/consents")
                    {
                        Content = JsonContent.Create(new
                        {
                            purpose = "marketing", channel = "sms", granted = true,
                            evidence = new { capturedAt = DateTimeOffset.UtcNow.AddMinutes(-1), collectionPoint = $"burst {i}", noticeVersion = 1 },
                        }),
                    };
                try
                {
                    using var response = await clients[instance].SendAsync(message);
                    answers[n] = response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    answers[n] = 0;   // no answer: not acknowledged
                }
            }
        }));
        var elapsed = clock.Elapsed;
        foreach (var client in clients)
        {
            client.Dispose();
        }

        // Acknowledged: at least one of the change's two copies answered 200.
        var acknowledged = requests.Select((r, n) => (r.Item1, r.Item2, answers[n])).Where(a => a.Item3 == HttpStatusCode.OK)
            .Select(a => (a.Item1, a.Item2)).ToHashSet();
        var statuses = answers.GroupBy(a => a).OrderBy(g => g.Key).Select(g => $"{(int)g.Key} × {g.Count()}");
        Console.WriteLine($"Sent {requests.Length} requests in {elapsed.TotalSeconds:N1} s: {requests.Length / elapsed.TotalSeconds:N0} requests/s, {acknowledged.Count / elapsed.TotalSeconds:N0} acknowledged changes/s. Answers: {string.Join(", ", statuses)}.");

        // What is in the database afterwards, per customer: the burst's ledger entries and the consent's state.
        await using var check = StandaloneDbContextOptions.Create(deployment.Database);
        var entries = await check.LedgerEntries.Where(e => e.Sequence > before)
            .Select(e => new { e.SubjectId, e.Source, e.EventType, e.ActorKind }).ToListAsync();
        var states = await check.Consents.Where(c => c.PurposeId == purposeId)
            .ToDictionaryAsync(c => (c.CustomerId, c.Channel), c => c.State);
        var (lost, duplicated, unacknowledged) = (0, 0, 0);
        foreach (var (kind, list) in new[] { (Kind.OneClick, oneClick), (Kind.Api, api) })
        {
            for (var i = 0; i < list.Count; i++)
            {
                var id = list[i].Id;
                var written = kind == Kind.OneClick
                    ? entries.Count(e => e.SubjectId == id && e.Source == ChangeSource.OneClickUnsubscribe && e.EventType == LedgerEventType.ConsentWithdrawn)
                    : entries.Count(e => e.SubjectId == id && e.ActorKind == ActorKind.ApiClient && e.EventType == LedgerEventType.ConsentGranted);
                var state = states.GetValueOrDefault((id, kind == Kind.OneClick ? Channel.Email : Channel.Sms));
                var done = written == 1 && state == (kind == Kind.OneClick ? ConsentState.Withdrawn : ConsentState.Granted);
                duplicated += written > 1 ? 1 : 0;
                if (!acknowledged.Contains((kind, i)))
                {
                    unacknowledged++;
                }
                else if (!done && written <= 1)
                {
                    lost++;
                }
            }
        }

        var unexplained = entries.Count - (2 * count) + unacknowledged;   // entries the burst wrote beyond one per acknowledged change
        var (exitCode, verified) = await deployment.VerifyLedgerAsync();
        Console.WriteLine($"Acknowledged: {acknowledged.Count} of {2 * count} changes ({unacknowledged} with no 200 on either copy).");
        Console.WriteLine($"In the database: {entries.Count} new ledger entries; lost {lost}, duplicated {duplicated}, entries beyond one per change {Math.Max(unexplained, 0)}.");
        Console.WriteLine($"verify-ledger (exit {exitCode}): {verified}");
        var ok = lost == 0 && duplicated == 0 && unexplained <= 0 && unacknowledged == 0 && exitCode == 0;
        Console.WriteLine($"{(ok ? "OK: every acknowledged change is in the database exactly once, and the ledger verifies" : "FAILED")}. {LoadAverage.Now()}");
        return ok ? 0 : 1;
    }
}
