using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Accounts;

/// <summary>
/// Identity's user manager with failures counted atomically (<see cref="LockoutCounter"/>): a wrong two-factor or
/// recovery code is counted by one UPDATE, never lost to a parallel request's write of the same row.
/// </summary>
public sealed class AccountUserManager(
    IUserStore<ApplicationUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger,
    LockoutCounter lockout)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> AccessFailedAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ThrowIfDisposed();
        if (await lockout.CountFailureAsync(user.Id, CancellationToken) is { } until)
        {
            // The row is written; the caller asks IsLockedOutAsync of this copy next.
            user.LockoutEnd = until;
        }

        return IdentityResult.Success;
    }
}
