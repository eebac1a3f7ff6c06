using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// Identity's store with <c>UserName</c> and <c>Email</c> sealed by <see cref="AccountSealer"/>. Identity's
/// manager, validators, claims factory and the account pages all read and write these two through the store, so
/// they see plaintext while the row holds only ciphertext; lookups use the blind-index hashes in the normalised
/// columns (<see cref="BlindIndexLookupNormalizer"/>). Deleting a user destroys its key too.
/// </summary>
public sealed class SealedUserStore(AppDbContext context, AccountSealer sealer, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, IdentityRole, AppDbContext>(context, describer)
{
    public override async Task SetUserNameAsync(ApplicationUser user, string? userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await base.SetUserNameAsync(user, await sealer.SealAsync(user.Id, userName, cancellationToken), cancellationToken);
    }

    public override async Task<string?> GetUserNameAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await sealer.OpenAsync(user.Id, await base.GetUserNameAsync(user, cancellationToken), cancellationToken);
    }

    public override async Task SetEmailAsync(ApplicationUser user, string? email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await base.SetEmailAsync(user, await sealer.SealAsync(user.Id, email, cancellationToken), cancellationToken);
    }

    public override async Task<string?> GetEmailAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await sealer.OpenAsync(user.Id, await base.GetEmailAsync(user, cancellationToken), cancellationToken);
    }

    /// <summary>Seals values set directly on a new user (<c>new ApplicationUser { Email = … }</c>) before the row is written.</summary>
    public override async Task<IdentityResult> CreateAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        await SealInPlaceAsync(user, cancellationToken);
        return await base.CreateAsync(user, cancellationToken);
    }

    public override async Task<IdentityResult> UpdateAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        await SealInPlaceAsync(user, cancellationToken);
        return await base.UpdateAsync(user, cancellationToken);
    }

    /// <summary>Deletes the user, then its key: a copy of the row taken before is unreadable from then on.</summary>
    public override async Task<IdentityResult> DeleteAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await base.DeleteAsync(user, cancellationToken);
        if (result.Succeeded)
        {
            await sealer.DestroyKeyAsync(user.Id, cancellationToken);
        }

        return result;
    }

    private async Task SealInPlaceAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.UserName = await sealer.SealAsync(user.Id, user.UserName, cancellationToken);
        user.Email = await sealer.SealAsync(user.Id, user.Email, cancellationToken);
    }
}
