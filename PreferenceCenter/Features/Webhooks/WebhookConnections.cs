using System.Net;
using System.Net.Sockets;

namespace PreferenceCenter.Features.Webhooks;

/// <summary>
/// The HTTP handler webhooks are sent through: no redirects (the spec counts a 3xx as a failure), and outside
/// Development a connection only to public addresses, checked when connecting — a name that passed at registration
/// and now resolves to 10.0.0.5 or 169.254.169.254 is refused (DNS rebinding).
/// </summary>
public static class WebhookConnections
{
    public static SocketsHttpHandler CreateHandler(bool development)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        if (!development)
        {
            handler.ConnectCallback = ConnectToPublicAsync;
        }

        return handler;
    }

    private static async ValueTask<Stream> ConnectToPublicAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(WebhookAddressRules.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"Refused: {host} resolves only to private, loopback or link-local addresses.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
