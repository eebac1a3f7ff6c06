using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Erasure;

/// <summary>
/// The sign-in behind a customer: checks the password again before a request (re-authentication) and finds the
/// address the request's emails go to. Identity's manager is scoped, so each call takes a short scope of its own
/// rather than holding one for a whole circuit.
/// </summary>
public sealed class ErasureAccounts(IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> dbFactory, PasswordAttempts attempts)
{
    /// <summary>
    /// True when the password is the customer's. Checked as a sign-in is (<see cref="PasswordAttempts"/>): a wrong one
    /// counts toward lockout, atomically, and a locked account is refused without a check.
    /// </summary>
    public async Task<bool> CheckPasswordAsync(Guid customerId, string? password, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(password))
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await FindUserAsync(users, customerId, cancellationToken);
        return user is not null && await attempts.CheckAsync(users, user, password) == PasswordCheck.Right;
    }

    /// <summary>The customer's sign-in email, or null once the account is gone (after erasure).</summary>
    public async Task<string?> EmailOfAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await FindUserAsync(users, customerId, cancellationToken);
        // Through the manager: the row holds the email sealed (SealedUserStore).
        return user is null ? null : await users.GetEmailAsync(user);
    }

    private async Task<ApplicationUser?> FindUserAsync(UserManager<ApplicationUser> users, Guid customerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var userId = await db.Customers.Where(c => c.Id == customerId && c.Status == CustomerStatus.Active)
            .Select(c => c.UserId).FirstOrDefaultAsync(cancellationToken);
        return userId is null ? null : await users.FindByIdAsync(userId);
    }
}
