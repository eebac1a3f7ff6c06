using System.Collections.Concurrent;
using System.Net;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd.HostileInput;

/// <summary>
/// Sends the harness's requests and judges each answer: never a 5xx, never the injected markup unescaped, never a
/// header the attacker wrote. Counts what it sent for the report.
/// </summary>
public sealed class HostileProbe
{
    private readonly ConcurrentQueue<string> failures = new();
    private int sent;

    public int Sent => sent;

    public IReadOnlyCollection<string> Failures => failures;

    public ConcurrentDictionary<string, byte> Covered { get; } = new(StringComparer.Ordinal);

    /// <summary>Sends, judges, and returns the status and body for callers that look further.</summary>
    public async Task<(HttpStatusCode Status, string Body)> SendAsync(SignInClient client, HttpRequestMessage request, string what)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Increment(ref sent);
        // As curl does for a large upload: the server may refuse on the headers alone, and the client then sees that answer.
        if (request.Content?.Headers.ContentLength > 1024 * 1024)
        {
            request.Headers.ExpectContinue = true;
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (HttpRequestException e)
        {
            // The server dropped the connection instead of answering: as bad as a 500.
            failures.Enqueue($"{what}: no answer ({e.Message})");
            return (0, string.Empty);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
            {
                failures.Enqueue($"{what}: {(int)response.StatusCode} {FirstLine(body)}");
            }

            // Markup renders in HTML; in JSON or plain text it is data, as long as no browser may sniff it into HTML.
            if (body.Contains(HostileValues.ScriptMarker, StringComparison.OrdinalIgnoreCase)
                || body.Contains(HostileValues.ImageMarker, StringComparison.OrdinalIgnoreCase))
            {
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (mediaType is null or "text/html" || !response.Headers.TryGetValues("X-Content-Type-Options", out var sniffing) || !sniffing.Contains("nosniff"))
                {
                    failures.Enqueue($"{what}: the injected markup came back unescaped as {mediaType ?? "(no type)"}");
                }
            }

            if (response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.Contains("pc-injected", StringComparison.Ordinal)))
            {
                failures.Enqueue($"{what}: a header written by the attacker came back");
            }

            return (response.StatusCode, body);
        }
    }

    public void Fail(string failure) => failures.Enqueue(failure);

    private static string FirstLine(string body)
    {
        // The developer exception page names the exception in its title.
        var title = body.IndexOf("<title>", StringComparison.Ordinal);
        var text = title >= 0 ? body[(title + 7)..] : body;
        var end = text.IndexOfAny(['\n', '<']);
        return WebUtility.HtmlDecode(end >= 0 ? text[..Math.Min(end, 200)] : text[..Math.Min(text.Length, 200)]).Trim();
    }
}
