using System.Text;
using PreferenceCenter.Data;

namespace PreferenceCenter.Features.Webhooks;

/// <summary>
/// One signed POST: the stored body as it is, <c>webhook-id</c> (the same on every retry), <c>webhook-timestamp</c>
/// (this attempt's) and <c>webhook-signature</c>. The timeout covers sending the body, so a slow reader times out too.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, WebhookSecrets secrets, TimeProvider time)
{
    public const string HttpClientName = "webhooks";

    public async Task<WebhookAttempt> SendAsync(WebhookEndpoint endpoint, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(delivery);
        var timestamp = time.GetUtcNowToMillisecond();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", delivery.MessageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(secrets.Open(endpoint.SealedSecret), delivery.MessageId, timestamp, delivery.Payload));
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return new WebhookAttempt((int)response.StatusCode, null, response.Headers.RetryAfter?.Delta);
        }
        catch (HttpRequestException e)
        {
            return new WebhookAttempt(null, e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(null, "The receiver did not answer in time.");
        }
    }
}
