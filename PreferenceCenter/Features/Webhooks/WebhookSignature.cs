using System.Security.Cryptography;
using System.Text;

namespace PreferenceCenter.Features.Webhooks;

/// <summary>
/// Standard Webhooks symmetric signing: <c>v1,</c> + base64(HMAC-SHA256(secret, <c>id.timestamp.body</c>)), where the
/// secret is written <c>whsec_</c> + base64 of its bytes. Tested against the specification's published example.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";
    public const int SecretBytes = 32;

    /// <summary>A new endpoint secret, as the receiver stores it.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes));

    public static string Sign(string secret, string messageId, DateTimeOffset timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var signed = Encoding.UTF8.GetBytes($"{messageId}.{timestamp.ToUnixTimeSeconds()}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}
