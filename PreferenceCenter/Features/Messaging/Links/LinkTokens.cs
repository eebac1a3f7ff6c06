using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Messaging.Links;

/// <summary>
/// Tamper-proof tokens for emailed links (ASP.NET Data Protection: encrypted and authenticated). One protector for
/// every link purpose, with the purpose inside the payload, so a link used for the wrong thing is told apart from
/// a forged one. The expiry is inside too and checked against the injected clock.
/// </summary>
public sealed class LinkTokens(IDataProtectionProvider provider, TimeProvider time)
{
    private const byte FormatVersion = 1;
    private const int FixedLength = 1 + 1 + 16 + 1 + 8;
    private readonly IDataProtector protector = provider.CreateProtector("PreferenceCenter.Messaging.LinkTokens.v1");

    public string Create(LinkPurpose purpose, Guid customerId, string purposeKey, Channel channel, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(purposeKey);
        var expires = time.GetUtcNowToMillisecond().Add(lifetime);
        var key = Encoding.UTF8.GetBytes(purposeKey);
        var payload = new byte[FixedLength + key.Length];
        payload[0] = FormatVersion;
        payload[1] = (byte)purpose;
        customerId.TryWriteBytes(payload.AsSpan(2, 16));
        payload[18] = (byte)channel;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(19, 8), expires.ToUnixTimeMilliseconds());
        key.CopyTo(payload, FixedLength);
        return WebEncoders.Base64UrlEncode(protector.Protect(payload));
    }

    public LinkTokenRead TryRead(string? token, LinkPurpose expected)
    {
        var payload = Unprotect(token);
        if (payload is null || payload.Length < FixedLength || payload[0] != FormatVersion)
        {
            return LinkTokenRead.Refused(LinkTokenFailure.Tampered);
        }

        if (payload[1] != (byte)expected)
        {
            return LinkTokenRead.Refused(LinkTokenFailure.WrongPurpose);
        }

        var expires = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(19, 8)));
        if (time.GetUtcNow() >= expires)
        {
            return LinkTokenRead.Refused(LinkTokenFailure.Expired);
        }

        return LinkTokenRead.Valid(new LinkToken(
            expected, new Guid(payload.AsSpan(2, 16)), Encoding.UTF8.GetString(payload.AsSpan(FixedLength)), (Channel)payload[18], expires));
    }

    private byte[]? Unprotect(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1024)
        {
            return null;
        }

        try
        {
            return protector.Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
