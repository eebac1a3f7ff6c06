using System.Net.Http.Json;
using System.Text;
using PreferenceCenter.Features.Api.Clients;

namespace PreferenceCenter.Tests.Features.Api;

/// <summary>One valid call per endpoint of <c>/api/v1</c>, and the scope it needs (null: any key).</summary>
/// <remarks><paramref name="Query"/> is sent but is not part of the documented path.</remarks>
public sealed record ApiCall(string Name, HttpMethod Method, string Path, string? Scope, Func<string, object?> Body, string Query = "")
{
    public static IReadOnlyList<ApiCall> All { get; } =
    [
        new("me", HttpMethod.Get, "api/v1/me", null, _ => null),
        new("decide", HttpMethod.Post, "api/v1/decisions", ApiScopes.Decisions,
            reference => new { subject = new { reference }, purpose = "marketing", channel = "sms" }),
        new("decide-batch", HttpMethod.Post, "api/v1/decisions/batch", ApiScopes.Decisions,
            reference => new { items = new[] { new { subject = new { reference }, purpose = "marketing", channel = "sms" } } }),
        new("reserve", HttpMethod.Post, "api/v1/decisions/reservations", ApiScopes.Decisions,
            reference => new { subject = new { reference }, purpose = "marketing", channel = "sms" }),
        new("read-consents", HttpMethod.Get, "api/v1/customers/{reference}/consents", ApiScopes.ConsentsRead, _ => null),
        new("write-consent", HttpMethod.Post, "api/v1/customers/{reference}/consents", ApiScopes.ConsentsWrite,
            _ => new
            {
                purpose = "profiling", channel = "email", granted = false,
                evidence = new { capturedAt = DateTimeOffset.UtcNow.AddMinutes(-5), collectionPoint = "shop checkout", wording = "No profiling, thanks." },
            }),
        // Marketing by email: the customers these tests make never granted it, so the list has rows to answer with.
        new("pull-suppressions", HttpMethod.Get, "api/v1/suppressions", ApiScopes.SuppressionsRead, _ => null, "?purpose=marketing&channel=email"),
        new("check-suppressions", HttpMethod.Post, "api/v1/suppressions/check", ApiScopes.SuppressionsRead,
            _ => new { items = new[] { "someone@example.com", "+39 02 1234 5678" }, purpose = "marketing", channel = "email" }),
        // A dry run: answers 200 with the report and writes nothing, so it can be called by every test.
        new("import", HttpMethod.Post, "api/v1/imports", ApiScopes.ConsentsImport,
            _ => new StringContent("email,purpose,channel,state,captured_at,source,collection_point,wording\n" +
                "ada@example.com,marketing,sms,granted,2025-03-14T09:30:00Z,shop,checkout,Send me offers\n", Encoding.UTF8, "text/csv"), "?dryRun=true"),
    ];

    /// <summary>Documented operations that need state made first (a run of this client's), called by their own tests (ImportApiTests).</summary>
    public static IReadOnlyList<string> CalledElsewhere { get; } = ["get /api/v1/imports/{id}"];

    public HttpRequestMessage Request(string reference)
    {
        var request = new HttpRequestMessage(Method, Path.Replace("{reference}", reference, StringComparison.Ordinal) + Query);
        if (Body(reference) is { } body)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }

        return request;
    }

    public override string ToString() => Name;
}
