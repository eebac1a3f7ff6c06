using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace PreferenceCenter.Features.Accounts;

/// <summary>
/// A staff member whose only missing requirement is two-factor sign-in is sent to set it up instead of being told
/// "access denied"; anyone else gets the usual sign-in or access-denied answer.
/// </summary>
public sealed class StaffTwoFactorRedirect : IAuthorizationMiddlewareResultHandler
{
    public const string SetUpPath = "/Account/Manage/EnableAuthenticator";

    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        var failed = authorizeResult.AuthorizationFailure?.FailedRequirements.ToList() ?? [];
        if (authorizeResult.Forbidden && failed.Count > 0 && failed.All(r => r is StaffTwoFactorRequirement))
        {
            context.Response.Redirect(SetUpPath);
            return Task.CompletedTask;
        }

        return standard.HandleAsync(next, context, policy, authorizeResult);
    }
}
