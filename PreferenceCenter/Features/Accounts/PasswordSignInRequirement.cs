using Microsoft.AspNetCore.Authorization;

namespace PreferenceCenter.Features.Accounts;

/// <summary>
/// Met by a session signed in with a password (or an external sign-in), not by one opened from an emailed link:
/// downloading the export, asking to be forgotten and the account pages ask for a proper sign-in.
/// </summary>
public sealed class PasswordSignInRequirement : AuthorizationHandler<PasswordSignInRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PasswordSignInRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated == true && !context.User.IsSignedInByEmailLink())
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
