using System.Net;
using System.Net.Sockets;

namespace PreferenceCenter.Infrastructure.RateLimiting;

/// <summary>
/// The partition for a client: the connection's address as ASP.NET Core sees it (after forwarded headers, when the
/// host enables them). IPv6 counts by /64, the block one subscriber gets: per address, one home could mint millions.
/// </summary>
public static class ClientAddress
{
    public static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
