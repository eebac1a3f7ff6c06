using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Accounts;

/// <summary>
/// Identity's sign-in with two changes. The lockout is counted atomically before the password is checked
/// (<see cref="PasswordAttempts"/>), so parallel guesses get no more checks than the lockout allows. And every
/// attempt does the work of one password check, whether the account exists, is unconfirmed or locked
/// (<see cref="UnknownAccountPassword"/>).
/// </summary>
public sealed class AccountSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    PasswordAttempts attempts,
    UnknownAccountPassword unknown)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            unknown.Verify(UserManager.PasswordHasher, password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!lockoutOnFailure || !UserManager.SupportsUserLockout || !await UserManager.GetLockoutEnabledAsync(user))
        {
            return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        }

        if (await PreSignInCheck(user) is { } refused)
        {
            unknown.Verify(UserManager.PasswordHasher, password);
            return refused;
        }

        return await attempts.CheckAsync(UserManager, user, password) switch
        {
            PasswordCheck.Right => SignInResult.Success,
            PasswordCheck.Wrong => SignInResult.Failed,
            _ => await LockedOut(user),
        };
    }
}
