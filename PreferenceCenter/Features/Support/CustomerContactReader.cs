using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;

namespace PreferenceCenter.Features.Support;

/// <summary>
/// The one place the console reads a customer's email and phone (to mask them, or to reveal them when justified).
/// Today they are the sign-in account's; when personal data moves to the encrypted customer profile, only this
/// class changes.
/// </summary>
public sealed class CustomerContactReader(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<CustomerContact> GetAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var contact = await db.Customers.AsNoTracking()
            .Where(c => c.Id == customerId)
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new CustomerContact(u.Email, u.PhoneNumber))
            .FirstOrDefaultAsync(cancellationToken);
        return contact ?? CustomerContact.None;
    }
}
