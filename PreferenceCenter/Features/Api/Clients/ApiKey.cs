using System.Security.Cryptography;
using System.Text;

namespace PreferenceCenter.Features.Api.Clients;

/// <summary>
/// The bearer token a client sends: <c>pck_{client id}_{secret}</c>. The id finds the client without a scan; the
/// secret is 32 random bytes, so an unsalted SHA-256 is enough to store it (nothing to guess), and a copy of the
/// database holds no usable key (ADR 0009).
/// </summary>
public static class ApiKey
{
    public const string Prefix = "pck_";
    private const int SecretBytes = 32;

    public static (string Key, byte[] Hash) New(Guid clientId)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        return ($"{Prefix}{clientId:N}_{secret}", Hash(secret));
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>The client id and secret of a well-formed key; false for anything else, however it is malformed.</summary>
    public static bool TryParse(string? key, out Guid clientId, out string secret)
    {
        clientId = Guid.Empty;
        secret = string.Empty;
        if (key is null || key.Length > 120 || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = key.AsSpan(Prefix.Length);
        var split = rest.IndexOf('_');
        if (split != 32 || !Guid.TryParseExact(rest[..split], "N", out clientId) || rest.Length - split - 1 < 40)
        {
            return false;
        }

        secret = rest[(split + 1)..].ToString();
        return true;
    }

    /// <summary>Constant-time, so timing does not tell how much of a guessed secret was right.</summary>
    public static bool Matches(string secret, byte[]? hash) =>
        hash is not null && CryptographicOperations.FixedTimeEquals(Hash(secret), hash);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
