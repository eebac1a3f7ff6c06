using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace PreferenceCenter.Features.Accounts;

/// <summary>
/// A staff member whose only missing requirement is two-factor sign-in is sent to set it up instead of being told
/// "access denied"; a customer in a session opened from an emailed link who asks for what needs a password (the export,
/// forget me, the account pages) is sent to sign in, and comes back; anyone else gets the usual answer.
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

        if (authorizeResult.Forbidden && failed.Count > 0 && failed.All(r => r is PasswordSignInRequirement))
        {
            var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{context.Request.PathBase}/Account/Login?ReturnUrl={Uri.EscapeDataString(back)}");
            return Task.CompletedTask;
        }

        return standard.HandleAsync(next, context, policy, authorizeResult);
    }
}
