using System.Net;
using System.Net.Sockets;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>Connects from a chosen loopback address: on Linux all of 127.0.0.0/8 is this machine, so each is a client of its own.</summary>
public static class SourceAddress
{
    public static async ValueTask<Stream> ConnectAsync(IPAddress source, DnsEndPoint target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(target, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
