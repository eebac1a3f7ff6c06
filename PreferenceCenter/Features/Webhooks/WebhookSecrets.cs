using Microsoft.AspNetCore.DataProtection;

namespace PreferenceCenter.Features.Webhooks;

/// <summary>
/// Seals endpoint secrets with ASP.NET Data Protection, whose key ring is itself sealed by the master key (ADR 0010):
/// a copy of the database file alone cannot forge a signature. HMAC needs the secret itself, so a hash would not do.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("PreferenceCenter.Webhooks.SigningSecret.v1");

    public string Seal(string secret) => protector.Protect(secret);

    public string Open(string sealedSecret) => protector.Unprotect(sealedSecret);
}
