namespace PreferenceCenter.Features.Accounts;

/// <summary>The <c>Security</c> section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Staff pages and services need an account with an authenticator app (TOTP). On by default; only the
    /// repository-root development settings switch it off, so the demo accounts work without a phone.
    /// </summary>
    public bool RequireStaffTwoFactor { get; set; } = true;
}
