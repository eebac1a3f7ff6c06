using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Accounts;

/// <summary>
/// Adds the customer id claim at sign-in, so no page ever trusts an id from a URL or a form, and whether the account
/// uses two-factor sign-in, which staff policies require.
/// </summary>
public sealed class CustomerClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    IDbContextFactory<AppDbContext> dbFactory)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        // Enabling the authenticator refreshes the sign-in, so this claim follows the account's setting.
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(StaffClaims.TwoFactorEnabled, "true"));
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var customerId = await db.Customers
            .Where(c => c.UserId == user.Id && c.Status == CustomerStatus.Active)
            .Select(c => (Guid?)c.Id)
            .FirstOrDefaultAsync();
        if (customerId is Guid id)
        {
            identity.AddClaim(new Claim(CustomerClaims.CustomerId, id.ToString()));
        }

        return identity;
    }
}
