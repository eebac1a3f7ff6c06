using Microsoft.AspNetCore.Identity;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Accounts;

/// <summary>
/// A hash no password matches, made once by the app's own hasher (same algorithm and cost as a real account's). A
/// sign-in that is refused before its password is checked — no such account, unconfirmed, locked — checks the
/// password against this instead, so the answer takes as long as a real wrong password and timing tells no one
/// which addresses have accounts.
/// </summary>
public sealed class UnknownAccountPassword
{
    private static readonly ApplicationUser Nobody = new();
    private string? hash;

    public void Verify(IPasswordHasher<ApplicationUser> hasher, string? password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var dummy = LazyInitializer.EnsureInitialized(ref hash, () => hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));
        hasher.VerifyHashedPassword(Nobody, dummy, password ?? string.Empty);
    }
}
