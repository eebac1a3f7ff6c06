using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Messaging;
using PreferenceCenter.Features.Messaging.Links;

namespace PreferenceCenter.Features.Preferences;

/// <summary>
/// Follows an emailed "manage your preferences" link (<see cref="ManageLinks"/>): checks it is ours, current, for an
/// active customer with a customer's sign-in, then opens a session of <c>Email:ManageSessionMinutes</c> that never
/// slides and is marked as opened by link (<see cref="EmailLinkSession"/>): it changes consents, and asks for the
/// password before the export, forget me or the account pages. Scoped: it uses Identity's managers.
/// </summary>
public sealed class ManageLinkSignIn(
    LinkTokens tokens, IDbContextFactory<AppDbContext> dbFactory, SignInManager<ApplicationUser> signIn, TimeProvider time,
    IOptions<EmailOptions> options)
{
    public async Task<ManageLinkOutcome> CheckAsync(string? token, CancellationToken cancellationToken = default) =>
        (await FindAsync(token, cancellationToken)).Outcome;

    /// <summary>Signs the browser in for a short while when the link is good; the outcome either way.</summary>
    public async Task<ManageLinkOutcome> SignInAsync(string? token, HttpContext http, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (outcome, user) = await FindAsync(token, cancellationToken);
        if (user is null)
        {
            return outcome;
        }

        var ends = time.GetUtcNowToMillisecond().AddMinutes(options.Value.ManageSessionMinutes);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        EmailLinkSession.Mark(principal, ends);
        await http.SignInAsync(IdentityConstants.ApplicationScheme, principal,
            new AuthenticationProperties { IsPersistent = false, ExpiresUtc = ends, AllowRefresh = false });
        return ManageLinkOutcome.Ready;
    }

    private async Task<(ManageLinkOutcome Outcome, ApplicationUser? User)> FindAsync(string? token, CancellationToken cancellationToken)
    {
        var read = tokens.TryRead(token, LinkPurpose.ManagePreferences);
        if (!read.Succeeded)
        {
            return (read.Failure == LinkTokenFailure.Expired ? ManageLinkOutcome.Expired : ManageLinkOutcome.Invalid, null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == read.Token.CustomerId)
            .Select(c => new { c.Status, c.UserId }).FirstOrDefaultAsync(cancellationToken);
        if (customer is null || customer.Status == CustomerStatus.Erased)
        {
            return (ManageLinkOutcome.Erased, null);
        }

        var user = customer is { Status: CustomerStatus.Active, UserId: { } userId } ? await signIn.UserManager.FindByIdAsync(userId) : null;
        // Staff sign in with two factors and a link never stands in for them; a locked account stays locked.
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user)
            || await signIn.UserManager.IsInRoleAsync(user, Roles.Support) || await signIn.UserManager.IsInRoleAsync(user, Roles.PrivacyOfficer))
        {
            return (ManageLinkOutcome.NoAccount, null);
        }

        return (ManageLinkOutcome.Ready, user);
    }
}
