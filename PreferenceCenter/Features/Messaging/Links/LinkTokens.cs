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
    // Version 2 adds the issue time after the expiry; version 1 links already in mailboxes still read (without it).
    private const byte FormatVersion = 2;
    private const byte FormatVersionWithoutIssueTime = 1;
    private const int FixedLengthV1 = 1 + 1 + 16 + 1 + 8;
    private const int FixedLength = FixedLengthV1 + 8;
    private readonly IDataProtector protector = provider.CreateProtector("PreferenceCenter.Messaging.LinkTokens.v1");

    public string Create(LinkPurpose purpose, Guid customerId, string purposeKey, Channel channel, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(purposeKey);
        var issued = time.GetUtcNowToMillisecond();
        var expires = issued.Add(lifetime);
        var key = Encoding.UTF8.GetBytes(purposeKey);
        var payload = new byte[FixedLength + key.Length];
        payload[0] = FormatVersion;
        payload[1] = (byte)purpose;
        customerId.TryWriteBytes(payload.AsSpan(2, 16));
        payload[18] = (byte)channel;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(19, 8), expires.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(27, 8), issued.ToUnixTimeMilliseconds());
        key.CopyTo(payload, FixedLength);
        return WebEncoders.Base64UrlEncode(protector.Protect(payload));
    }

    public LinkTokenRead TryRead(string? token, LinkPurpose expected)
    {
        var payload = Unprotect(token);
        var fixedLength = payload is { Length: > 0 }
            ? payload[0] switch { FormatVersion => FixedLength, FormatVersionWithoutIssueTime => FixedLengthV1, _ => int.MaxValue }
            : int.MaxValue;
        if (payload is null || payload.Length < fixedLength)
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

        DateTimeOffset? issued = fixedLength == FixedLength
            ? DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(27, 8)))
            : null;
        return LinkTokenRead.Valid(new LinkToken(
            expected, new Guid(payload.AsSpan(2, 16)), Encoding.UTF8.GetString(payload.AsSpan(fixedLength)), (Channel)payload[18], expires, issued));
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
