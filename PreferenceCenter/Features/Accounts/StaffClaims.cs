using System.Security.Claims;

namespace PreferenceCenter.Features.Accounts;

public static class StaffClaims
{
    /// <summary>Present when the account signs in with an authenticator app; staff policies require it (<see cref="StaffTwoFactorRequirement"/>).</summary>
    public const string TwoFactorEnabled = "pc:2fa";

    /// <summary>The signed-in account's id (Identity's name identifier): how staff appear in the ledger, never by name or email.</summary>
    public static string GetUserId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(ClaimTypes.NameIdentifier)?.Value
            ?? throw new InvalidOperationException("A signed-in user always has a name identifier.");
    }

    public static bool HasTwoFactorEnabled(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(TwoFactorEnabled, "true");
    }
}
