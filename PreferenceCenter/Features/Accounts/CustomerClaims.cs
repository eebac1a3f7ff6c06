using System.Security.Claims;

namespace PreferenceCenter.Features.Accounts;

public static class CustomerClaims
{
    /// <summary>The customer's pseudonymous id, carried in the sign-in cookie so pages need no extra lookup.</summary>
    public const string CustomerId = "pc:customer";

    public static Guid? GetCustomerId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.TryParse(user.FindFirst(CustomerId)?.Value, out var id) ? id : null;
    }
}
