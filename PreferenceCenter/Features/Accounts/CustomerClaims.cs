using System.Security.Claims;

namespace PreferenceCenter.Features.Accounts;

public static class CustomerClaims
{
    /// <summary>The customer's pseudonymous id, carried in the sign-in cookie so pages need no extra lookup.</summary>
    public const string CustomerId = "pc:customer";

    /// <summary>
    /// Marks a session opened from an emailed "manage your preferences" link, not with a password; its value is when
    /// the session ends (ISO 8601, UTC). Such a session may change consents, never export or erase (<see cref="Policies.PasswordSignIn"/>).
    /// </summary>
    public const string SignedInByEmailLink = "pc:email-link";

    public static bool IsSignedInByEmailLink(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(c => c.Type == SignedInByEmailLink);
    }

    /// <summary>When a session opened from an emailed link ends; null for a password sign-in.</summary>
    public static DateTimeOffset? EmailLinkSessionEnds(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return DateTimeOffset.TryParse(user.FindFirst(SignedInByEmailLink)?.Value, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var ends) ? ends : null;
    }

    public static Guid? GetCustomerId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.TryParse(user.FindFirst(CustomerId)?.Value, out var id) ? id : null;
    }
}
