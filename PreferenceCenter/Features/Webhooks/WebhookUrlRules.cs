using System.Net;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Webhooks;

/// <summary>
/// An endpoint address must be https, carry no credentials and resolve only to public addresses; in Development,
/// plain http to a loopback receiver and private addresses are allowed, so a developer can try it on their machine.
/// </summary>
public static class WebhookUrlRules
{
    public static async Task<WebhookUrlProblem?> CheckAsync(
        string? url, bool development, Func<string, CancellationToken, Task<IPAddress[]>> resolve, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        if (string.IsNullOrWhiteSpace(url))
        {
            return WebhookUrlProblem.Required;
        }

        url = url.Trim();
        if (url.Length > WebhookEndpoint.UrlMaxLength)
        {
            return WebhookUrlProblem.TooLong;
        }

        // A control character (NUL above all) is no part of an address: Uri would escape or drop it while the stored
        // text kept it, which PostgreSQL's text refuses and nothing should send to.
        if (PlainText.HasControlCharacter(url))
        {
            return WebhookUrlProblem.HasControlCharacter;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
        {
            return WebhookUrlProblem.NotAnAddress;
        }

        if (uri.UserInfo.Length > 0)
        {
            return WebhookUrlProblem.HasCredentials;
        }

        // Plain http is refused before any lookup: outside Development no answer could make it acceptable.
        if (uri.Scheme == Uri.UriSchemeHttp && !development)
        {
            return WebhookUrlProblem.NotHttps;
        }

        var addresses = IPAddress.TryParse(uri.DnsSafeHost, out var literal) ? [literal] : await TryResolveAsync(uri.DnsSafeHost, resolve, cancellationToken);
        if (addresses.Length == 0)
        {
            return WebhookUrlProblem.DoesNotResolve;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !addresses.All(IPAddress.IsLoopback))
        {
            return WebhookUrlProblem.NotHttps;
        }

        return development || addresses.All(WebhookAddressRules.IsPublic) ? null : WebhookUrlProblem.PrivateAddress;
    }

    private static async Task<IPAddress[]> TryResolveAsync(
        string host, Func<string, CancellationToken, Task<IPAddress[]>> resolve, CancellationToken cancellationToken)
    {
        try
        {
            return await resolve(host, cancellationToken);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return [];
        }
        catch (ArgumentException)
        {
            return [];
        }
    }
}
