using Microsoft.AspNetCore.Identity;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Accounts;

/// <summary>
/// One password attempt against the lockout, for sign-in and for re-authentication alike. The attempt takes its
/// place in the count (<see cref="LockoutCounter"/>) before the password is checked, so however many arrive at once,
/// no more are checked than the lockout allows; an attempt refused unchecked still does a check's work
/// (<see cref="UnknownAccountPassword"/>), so a locked account answers no faster than a wrong password.
/// </summary>
public sealed class PasswordAttempts(LockoutCounter lockout, UnknownAccountPassword unknown)
{
    public async Task<PasswordCheck> CheckAsync(UserManager<ApplicationUser> users, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        if (!users.SupportsUserLockout || !await users.GetLockoutEnabledAsync(user))
        {
            return await users.CheckPasswordAsync(user, password ?? string.Empty) ? PasswordCheck.Right : PasswordCheck.Wrong;
        }

        if (await users.IsLockedOutAsync(user) || !await lockout.TryCountAttemptAsync(user.Id))
        {
            // Locked, or every attempt is taken by requests still checking theirs: if those were all wrong, lock now
            // (the lock also restarts the count, so a lost lock can never leave the account refused for good).
            unknown.Verify(users.PasswordHasher, password);
            await lockout.LockIfSpentAsync(user.Id);
            return PasswordCheck.LockedOut;
        }

        if (await users.CheckPasswordAsync(user, password ?? string.Empty))
        {
            await lockout.ClearAsync(user.Id);
            return PasswordCheck.Right;
        }

        return await lockout.LockIfSpentAsync(user.Id) is null ? PasswordCheck.Wrong : PasswordCheck.LockedOut;
    }
}
