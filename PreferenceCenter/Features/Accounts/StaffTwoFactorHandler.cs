using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace PreferenceCenter.Features.Accounts;

/// <summary>Met when the account has two-factor sign-in on, or when <see cref="SecurityOptions.RequireStaffTwoFactor"/> is off.</summary>
public sealed class StaffTwoFactorHandler(IOptions<SecurityOptions> options) : AuthorizationHandler<StaffTwoFactorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffTwoFactorRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!options.Value.RequireStaffTwoFactor || context.User.HasTwoFactorEnabled())
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
