using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Api.Consents;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.TestHost;
using Xunit.Abstractions;

namespace PreferenceCenter.Tests.Harness;

/// <summary>
/// The crash harness: the real app as its own process under mixed load through the senders' API (consent writes on two
/// channels, the email ones queueing a double opt-in mail, and decision reads), killed with SIGKILL at a random moment,
/// twenty times. After each kill, on the files alone: SQLite's integrity check passes, the ledger verifies, every consent
/// agrees with its last ledger entry (nothing half-written), every queued confirmation mail belongs to a recorded change
/// and every mail on disk to a queued one. After each restart, every change the API acknowledged is there.
/// </summary>
public sealed class CrashHarnessTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Kills = 20;
    private const int Workers = 4;
    private const int CustomersPerWorker = 3;
    private static readonly Channel[] Written = [Channel.Sms, Channel.Email];

    private readonly string mailFolder = Path.Combine(Path.GetTempPath(), $"pc-crash-mail-{Guid.NewGuid():N}");
    private TestDatabase database = default!;
    private string key = string.Empty;
    private List<string> references = [];

    // Per customer and channel: the state the API last acknowledged, and the one a request in flight would leave.
    private readonly ConcurrentDictionary<(string Reference, Channel Channel), string> acknowledged = new();
    private readonly ConcurrentDictionary<(string Reference, Channel Channel), string> inFlight = new();
    private int writesThisRun;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        await CatalogBuilder.SeedAsync(db);
        for (var i = 0; i < Workers * CustomersPerWorker; i++)
        {
            var id = await CatalogBuilder.AddCustomerAsync(db);
            references.Add(await db.Customers.Where(c => c.Id == id).Select(c => c.Reference).SingleAsync());
        }

        var client = await new ApiClientService(database, new LedgerWriter(TimeProvider.System), TimeProvider.System).CreateAsync(
            "crash harness", [ApiScopes.ConsentsRead, ApiScopes.ConsentsWrite, ApiScopes.Decisions], ApiClient.MaxRequestsPerMinute, "officer");
        key = client.Key!;
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        if (Directory.Exists(mailFolder))
        {
            Directory.Delete(mailFolder, recursive: true);
        }
    }

    [Fact]
    public async Task KilledTwentyTimesUnderLoad_LosesNoAcknowledgedChange_AndLeavesNothingHalfWritten()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"random seed {seed}");
        var random = new Random(seed);
        int acknowledgedWrites = 0, reads = 0, inFlightAtKill = 0, landedInFlight = 0;

        for (var kill = 1; kill <= Kills; kill++)
        {
            await using var app = await StartAsync();
            landedInFlight += await CheckAcknowledgedAsync(app, kill);

            using var stop = new CancellationTokenSource();
            writesThisRun = 0;
            var load = Enumerable.Range(0, Workers).Select(w => LoadAsync(app, w, stop.Token)).ToList();
            // The kill lands at a random moment once the load is flowing (a slow start must not make a run without writes).
            while (Volatile.Read(ref writesThisRun) == 0)
            {
                await Task.Delay(10);
            }

            await Task.Delay(random.Next(50, 1_500));
            await app.KillAsync();
            stop.Cancel();
            foreach (var result in await Task.WhenAll(load))
            {
                acknowledgedWrites += result.Writes;
                reads += result.Reads;
            }

            inFlightAtKill += inFlight.Count;
            await CheckFilesAsync($"after kill {kill}");
            await ExpireLeasesAsync();
        }

        await using (var last = await StartAsync())
        {
            landedInFlight += await CheckAcknowledgedAsync(last, Kills + 1);
            await WaitForOutboxAsync();
        }

        await CheckFilesAsync("after the last run sent the outbox");

        var (mails, resent) = MailOnDisk();
        Assert.True(mails > 0, "no confirmation mail was sent: the mail checks saw nothing");
        output.WriteLine($"{Kills} kills; {acknowledgedWrites} acknowledged writes and {reads} reads; {inFlightAtKill} writes in flight at a kill, " +
            $"{landedInFlight} of them committed; {mails} confirmation mails on disk, {resent} sent again after a kill with the same Message-ID");
        Assert.True(acknowledgedWrites >= Kills, $"the load barely ran: {acknowledgedWrites} writes");
    }

    /// <summary>
    /// The dead instance's job leases run out (after five minutes in real time; here at once), so the next instance's
    /// outbox sends in this run too — and any mail the kill caught between sending and marking sent goes again.
    /// </summary>
    private async Task ExpireLeasesAsync()
    {
        await using var db = database.CreateDbContext();
        await db.Leases.ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
    }

    private async Task WaitForOutboxAsync()
    {
        for (var waited = 0; waited < 300; waited++)
        {
            await using var db = database.CreateDbContext();
            if (!await db.OutboxMessages.AnyAsync(m => m.SentAt == null && m.FailedAt == null))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the outbox did not send its queued mail within 30 seconds of the last start");
    }

    private Task<KillableApp> StartAsync() => KillableApp.StartAsync(database, mailFolder, key,
        http => http.PostAsJsonAsync("api/v1/decisions", new { subject = new { reference = references[0] }, purpose = "marketing", channel = "sms" }));

    private async Task<(int Writes, int Reads)> LoadAsync(KillableApp app, int worker, CancellationToken stop)
    {
        using var http = app.Http(key);
        var mine = references.Skip(worker * CustomersPerWorker).Take(CustomersPerWorker).ToList();
        int writes = 0, reads = 0;
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var reference = mine[i % mine.Count];
            var channel = i % 4 == 3 ? Channel.Email : Channel.Sms;
            var cell = (reference, channel);
            var grant = acknowledged.GetValueOrDefault(cell, ConsentRules.NotGiven) is ConsentRules.NotGiven or ConsentRules.Off;
            inFlight[cell] = grant ? (channel == Channel.Email ? ConsentRules.Pending : ConsentRules.On) : ConsentRules.Off;
            try
            {
                using var response = await http.PostAsJsonAsync($"api/v1/customers/{reference}/consents", new
                {
                    purpose = "marketing", channel = channel.ToString().ToLowerInvariant(), granted = grant,
                    evidence = new { capturedAt = DateTimeOffset.UtcNow.AddMinutes(-1), collectionPoint = "crash harness", noticeVersion = 1 },
                }, CancellationToken.None);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"a write answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                acknowledged[cell] = (await response.Content.ReadFromJsonAsync<ApiConsent>(CancellationToken.None))!.State;
                inFlight.TryRemove(cell, out _);
                writes++;
                Interlocked.Increment(ref writesThisRun);
                if (i % 2 == 0)
                {
                    using var read = await http.PostAsJsonAsync("api/v1/decisions/batch", new
                    {
                        items = mine.Select(r => new { subject = new { reference = r }, purpose = "marketing", channel = "sms" }),
                    }, CancellationToken.None);
                    Assert.Equal(HttpStatusCode.OK, read.StatusCode);
                    reads++;
                }
            }
            catch (HttpRequestException)
            {
                // The process died under this request: it stays in flight, unacknowledged.
                break;
            }
            catch (TaskCanceledException)
            {
                break;
            }
        }

        return (writes, reads);
    }

    /// <summary>Every acknowledged state is there; a write in flight at the kill either landed whole or not at all.</summary>
    private async Task<int> CheckAcknowledgedAsync(KillableApp app, int run)
    {
        using var http = app.Http(key);
        var landed = 0;
        foreach (var reference in references)
        {
            var consents = await http.GetFromJsonAsync<CustomerConsents>($"api/v1/customers/{reference}/consents");
            foreach (var channel in Written)
            {
                var cell = (reference, channel);
                var now = consents!.Consents.SingleOrDefault(c => c.Purpose == "marketing" && string.Equals(c.Channel, channel.ToString(), StringComparison.OrdinalIgnoreCase))?.State
                    ?? ConsentRules.NotGiven;
                var expected = acknowledged.GetValueOrDefault(cell, ConsentRules.NotGiven);
                if (inFlight.TryRemove(cell, out var pending) && now == pending && now != expected)
                {
                    landed++;
                }
                else
                {
                    Assert.True(now == expected, $"start {run}: {reference} {channel} is {now}, but the API acknowledged {expected}");
                }

                acknowledged[cell] = now;
            }
        }

        return landed;
    }

    private async Task CheckFilesAsync(string when)
    {
        // SQLite's own check of both files (a PostgreSQL server is not killed with the app, so its files are not at stake).
        if (!database.IsPostgreSql)
        {
            foreach (var file in new[] { database.ConnectionString, database.KeyStore.ConnectionString })
            {
                Assert.Equal("ok", await SqliteIntegrity.CheckAsync(file));
            }
        }

        var verification = await new LedgerVerifier(database).VerifyAsync();
        Assert.True(verification.IsIntact, $"{when}: {verification.Problem}");

        await using var db = database.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        var consents = await db.Consents.AsNoTracking().Join(db.Purposes, c => c.PurposeId, p => p.Id, (c, p) => new { p.Key, Consent = c }).ToListAsync();
        var entries = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.SubjectId != null && e.PurposeKey != null && e.After != null)
            .OrderBy(e => e.Sequence).ToListAsync();
        var last = entries.GroupBy(e => (e.SubjectId!.Value, e.PurposeKey!, e.Channel)).ToDictionary(g => g.Key, g => g.Last().After);
        foreach (var c in consents)
        {
            Assert.True(
                last.GetValueOrDefault((c.Consent.CustomerId, c.Key, c.Consent.Channel)) == ConsentRules.StateLabel(c.Consent, now),
                $"{when}: {c.Key}/{c.Consent.Channel} of {c.Consent.CustomerId} is {ConsentRules.StateLabel(c.Consent, now)} but its last ledger entry says otherwise");
        }

        // One confirmation mail queued per request to confirm, in the same transaction: never one without the other.
        var pendingEntries = entries.Where(e => e.EventType == LedgerEventType.ConsentPendingConfirmation)
            .GroupBy(e => e.SubjectId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var queued = (await db.OutboxMessages.AsNoTracking().Where(m => m.CustomerId != null).Select(m => m.CustomerId!.Value).ToListAsync())
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(pendingEntries.OrderBy(p => p.Key), queued.OrderBy(q => q.Key));

        // Every mail on disk is one the outbox queued: none for a change that was rolled back.
        var known = (await db.OutboxMessages.AsNoTracking().Select(m => m.MessageId).ToListAsync()).ToHashSet();
        foreach (var id in MailIds())
        {
            Assert.True(known.Contains(id), $"{when}: a mail on disk ({id}) was never queued");
        }
    }

    private List<string> MailIds() => Directory.Exists(mailFolder)
        ? [.. Directory.EnumerateFiles(mailFolder, "*.eml").Select(MessageIdOf)]
        : [];

    private static string MessageIdOf(string file)
    {
        using var message = MimeMessage.Load(file);
        return message.MessageId ?? string.Empty;
    }

    private (int Mails, int Resent) MailOnDisk()
    {
        var ids = MailIds();
        return (ids.Count, ids.Count - ids.Distinct().Count());
    }
}
