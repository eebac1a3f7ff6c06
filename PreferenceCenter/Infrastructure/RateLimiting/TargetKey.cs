using System.Security.Cryptography;
using System.Text;

namespace PreferenceCenter.Infrastructure.RateLimiting;

/// <summary>
/// The partition for a target: one spelling per address (trimmed, NFC, lower case), hashed, so a partition key is
/// small whatever was typed and the limiter's memory holds no address.
/// </summary>
public static class TargetKey
{
    public static string? Of(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed)
            ? null
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(trimmed.Normalize(NormalizationForm.FormC).ToLowerInvariant())));
    }
}
