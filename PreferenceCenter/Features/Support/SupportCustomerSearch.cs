using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Accounts;

namespace PreferenceCenter.Features.Support;

/// <summary>
/// Finds the one customer a complete identifier belongs to. The only lookup the console makes, so moving it to the
/// encrypted profile's blind index later changes this class alone.
/// </summary>
public sealed class SupportCustomerSearch(UserManager<ApplicationUser> users, IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<Customer?> FindAsync(SupportIdentifier identifier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customers = db.Customers.AsNoTracking();
        switch (identifier.Kind)
        {
            case SupportIdentifierKind.Reference:
                return await customers.FirstOrDefaultAsync(c => c.Reference == identifier.Value, cancellationToken);
            case SupportIdentifierKind.Email:
                var user = await users.FindByEmailAsync(identifier.Value);
                return user is null ? null : await customers.FirstOrDefaultAsync(c => c.UserId == user.Id, cancellationToken);
            default:
                // Stored numbers may carry spaces or dashes: compare both sides without them, exactly.
                var userIds = db.Users
                    .Where(u => u.PhoneNumber != null && u.PhoneNumber.Replace(" ", "").Replace("-", "").Replace(".", "")
                        .Replace("(", "").Replace(")", "").Replace("/", "") == identifier.Value)
                    .Select(u => u.Id);
                var matches = await customers.Where(c => userIds.Contains(c.UserId!)).Take(2).ToListAsync(cancellationToken);
                // A number two accounts share identifies neither of them.
                return matches.Count == 1 ? matches[0] : null;
        }
    }
}
