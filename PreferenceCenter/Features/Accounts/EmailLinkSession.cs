using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace PreferenceCenter.Features.Accounts;

/// <summary>
/// A session opened from an emailed "manage your preferences" link: marked with <see cref="CustomerClaims.SignedInByEmailLink"/>
/// (its end), never sliding, and never promoted to a password sign-in when Identity refreshes the principal.
/// </summary>
public static class EmailLinkSession
{
    /// <summary>Marks <paramref name="principal"/> as opened from an emailed link, ending at <paramref name="ends"/>.</summary>
    public static void Mark(ClaimsPrincipal principal, DateTimeOffset ends)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(CustomerClaims.SignedInByEmailLink, ends.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Copies the mark from the old principal to the refreshed one (Identity's security stamp validator).</summary>
    public static Task CarryOver(SecurityStampRefreshingPrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CurrentPrincipal?.FindFirst(CustomerClaims.SignedInByEmailLink) is { } mark && context.NewPrincipal?.Identity is ClaimsIdentity fresh)
        {
            fresh.AddClaim(new Claim(mark.Type, mark.Value));
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether the session is still good: a password sign-in always is; an emailed link's until its end.</summary>
    public static bool IsCurrent(ClaimsPrincipal principal, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return !principal.IsSignedInByEmailLink() || principal.EmailLinkSessionEnds() is { } ends && now < ends;
    }
}
