using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace PreferenceCenter.Features.Erasure;

/// <summary>
/// The link in the confirmation email: the request and customer ids, encrypted and signed by ASP.NET Data
/// Protection under a purpose of its own (a token for anything else never opens it) with an expiry inside.
/// </summary>
public sealed class ErasureConfirmationTokens(IDataProtectionProvider provider, IOptions<ErasureOptions> options, TimeProvider time)
{
    public const string Purpose = "PreferenceCenter.Erasure.Confirm.v1";

    private readonly ITimeLimitedDataProtector protector = provider.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public string Issue(int requestId, Guid customerId) =>
        protector.Protect(
            string.Create(CultureInfo.InvariantCulture, $"{requestId}:{customerId:N}"),
            time.GetUtcNow().AddHours(options.Value.ConfirmationLinkHours));

    /// <summary>The ids in a token, or null when it was altered, was made for something else, or has expired.</summary>
    public ErasureToken? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var payload = protector.Unprotect(token, out var expiresAt);
            // Data Protection checks expiry on the system clock; the app's own clock decides too, so tests and a
            // clock set by the host agree.
            if (expiresAt <= time.GetUtcNow())
            {
                return null;
            }

            var parts = payload.Split(':');
            return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var requestId)
                && Guid.TryParseExact(parts[1], "N", out var customerId)
                ? new ErasureToken(requestId, customerId)
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
