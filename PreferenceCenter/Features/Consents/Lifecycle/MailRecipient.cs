using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Features.Consents.Lifecycle;

/// <summary>Where and in which language a customer's lifecycle emails go: their sign-in address and chosen language.</summary>
public sealed record MailRecipient(string Address, string? Culture)
{
    /// <summary>The recipient, or null when the customer has no sign-in (erased); the address is opened with the account's key.</summary>
    public static async Task<MailRecipient?> FindAsync(AppDbContext db, AccountSealer accounts, Guid customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(accounts);
        var row = await db.Customers.Where(c => c.Id == customerId)
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { u.Id, u.Email, c.PreferredCulture })
            .FirstOrDefaultAsync(cancellationToken);
        var address = row is null ? null : await accounts.OpenAsync(row.Id, row.Email, cancellationToken);
        return address is { Length: > 0 } ? new MailRecipient(address, row!.PreferredCulture) : null;
    }
}
