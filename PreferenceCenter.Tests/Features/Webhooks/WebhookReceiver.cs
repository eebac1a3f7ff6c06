using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Webhooks;

/// <summary>
/// A real HTTP receiver on loopback (Kestrel). It verifies each signature with its own HMAC code, written from the
/// Standard Webhooks text (not the app's signer), and answers as <see cref="Behave"/> says: the test makes it fail.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> attempts = new();
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();
    private int inFlight;

    private WebhookReceiver(WebApplication app, int port)
    {
        this.app = app;
        Url = $"http://127.0.0.1:{port}/hooks";
    }

    public string Url { get; }

    /// <summary>The secret to verify with (<c>whsec_…</c>), known once the endpoint is registered.</summary>
    public string? Secret { get; set; }

    /// <summary>Decides each answer from the message id's attempt number (1, 2, …) and the id; OK by default.</summary>
    public Func<int, string, ReceiverBehaviour> Behave { get; set; } = (_, _) => ReceiverBehaviour.Ok;

    public TimeSpan Slowness { get; set; } = TimeSpan.FromSeconds(2);

    public IReadOnlyList<ReceivedWebhook> Received => [.. received];

    /// <summary>The most requests that were in flight at once for one message id (two instances sending the same one).</summary>
    public int MostConcurrentForOneId { get; private set; }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var port = LoopbackPorts.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, port);
        app.MapPost("/hooks", (Func<HttpContext, Task<IResult>>)receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    private readonly ConcurrentDictionary<string, int> current = new();

    private async Task<IResult> HandleAsync(HttpContext http)
    {
        var id = http.Request.Headers["webhook-id"].ToString();
        var attempt = attempts.AddOrUpdate(id, 1, (_, n) => n + 1);
        var now = current.AddOrUpdate(id, 1, (_, n) => n + 1);
        lock (received)
        {
            MostConcurrentForOneId = Math.Max(MostConcurrentForOneId, now);
        }

        Interlocked.Increment(ref inFlight);
        try
        {
            var behaviour = Behave(attempt, id);
            if (behaviour == ReceiverBehaviour.SlowReader)
            {
                await Task.Delay(Slowness);
            }

            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var timestamp = long.Parse(http.Request.Headers["webhook-timestamp"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
            var signature = http.Request.Headers["webhook-signature"].ToString();
            received.Enqueue(new ReceivedWebhook(id, timestamp, signature, body, Verify(id, timestamp, body, signature), attempt));
            return behaviour switch
            {
                ReceiverBehaviour.ServerError => Results.StatusCode(500),
                ReceiverBehaviour.Gone => Results.StatusCode(410),
                ReceiverBehaviour.AnswerLate => await LateAsync(),
                _ => Results.NoContent(),
            };
        }
        finally
        {
            current.AddOrUpdate(id, 0, (_, n) => n - 1);
            Interlocked.Decrement(ref inFlight);
        }
    }

    private async Task<IResult> LateAsync()
    {
        await Task.Delay(Slowness);
        return Results.NoContent();
    }

    // The receiver's side of the spec, independently: HMAC-SHA256 over "id.timestamp.body" with the base64 key after
    // "whsec_", compared in constant time with each "v1," entry of the header.
    private bool Verify(string id, long timestamp, string body, string header)
    {
        if (Secret is null)
        {
            return false;
        }

        var key = Convert.FromBase64String(Secret["whsec_".Length..]);
        using var hmac = new HMACSHA256(key);
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return header.Split(' ').Where(s => s.StartsWith("v1,", StringComparison.Ordinal))
            .Any(s => CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(s[3..]), expected));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
