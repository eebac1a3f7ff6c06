using System.Net.Http.Headers;
using System.Text.Json;

namespace PreferenceCenter.Benchmarks.Api;

/// <summary>
/// The calls a sender makes, each with the same bearer key. Bodies are serialised once, up front: the load generator
/// shares the app's two cores, and JSON writing in it would be charged to whichever side has the larger body.
/// </summary>
public sealed class ApiRequests
{
    public const int BatchSize = 1_000;

    // One in twenty questions of a batch is by email, as a sender whose list mixes known customers and sign-ups asks;
    // one in ten of those is an address nobody has, which the app also checks against the suppression list.
    private const int EmailEvery = 20;
    private const int UnknownEmailEvery = 10;
    private const int BatchBodies = 16;

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly AuthenticationHeaderValue authorization;
    private readonly byte[][] byReference;
    private readonly byte[][] batches;

    public ApiRequests(ApiWorkload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        authorization = new AuthenticationHeaderValue("Bearer", workload.Key);
        References = workload.References.Count;
        byReference = [.. workload.References.Select(r => JsonSerializer.SerializeToUtf8Bytes(Question(new { reference = r })))];
        batches = [.. Enumerable.Range(0, BatchBodies).Select(b => JsonSerializer.SerializeToUtf8Bytes(new
        {
            items = Enumerable.Range(0, BatchSize).Select(i => (b * BatchSize) + i).Select(n => Question(
                n % EmailEvery != 0 ? new { reference = workload.References[n % References] } as object
                : n / EmailEvery % UnknownEmailEvery == 0 ? new { email = $"nobody-{n}@example.com" }
                : new { email = workload.Emails[n / EmailEvery % workload.Emails.Count] })),
        }))];
    }

    /// <summary>How many customers the single and reservation calls cycle through.</summary>
    public int References { get; }

    /// <summary>The bare authenticated endpoint: authentication, authorization and the rate limiter, no decision.</summary>
    public HttpRequestMessage Me() => Authorized(new HttpRequestMessage(HttpMethod.Get, "api/v1/me"));

    /// <summary>One question about the <paramref name="n"/>-th customer (modulo the count).</summary>
    public HttpRequestMessage Decision(int n) => Post("api/v1/decisions", byReference[n % References]);

    public HttpRequestMessage Batch(int n) => Post("api/v1/decisions/batch", batches[n % BatchBodies]);

    public HttpRequestMessage Reservation(int n) => Post("api/v1/decisions/reservations", byReference[n % References]);

    private static object Question(object subject) => new { subject, purpose = "marketing", channel = "sms" };

    private HttpRequestMessage Post(string path, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return Authorized(new HttpRequestMessage(HttpMethod.Post, path) { Content = content });
    }

    private HttpRequestMessage Authorized(HttpRequestMessage message)
    {
        message.Headers.Authorization = authorization;
        return message;
    }
}
