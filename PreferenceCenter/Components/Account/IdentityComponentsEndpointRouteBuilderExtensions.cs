using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // The endpoints the Identity components in /Components/Account need beyond their own pages.
    // External logins and passkeys from the template are left out: none are configured, so they could only fail.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromForm] string? returnUrl, HttpContext http) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(LocalReturnUrl.ForRedirect(returnUrl, http.Request));
        });

        return accountGroup;
    }
}
