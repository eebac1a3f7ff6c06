using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Features.MyData;

/// <summary>The profile part of the export: the customer record and the personal details (encrypted at rest) held for it.</summary>
public sealed class MyDataProfiles(IDbContextFactory<AppDbContext> dbFactory, CustomerProfileService profiles, ErasureAccounts accounts)
{
    public async Task<MyDataProfile?> GetAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == customerId && c.Status == CustomerStatus.Active, cancellationToken);
        if (customer is null)
        {
            return null;
        }

        // Name, email, phone and postal address are decrypted with the customer's key; the sign-in address is the same email, in Identity.
        var profile = await profiles.GetAsync(customerId, cancellationToken);
        var email = profile?.Email ?? await accounts.EmailOfAsync(customerId, cancellationToken);
        return new MyDataProfile(customer.Id, customer.Reference, customer.CreatedAt, customer.PreferredCulture, profile?.Name, email, profile?.Phone, profile?.PostalAddress, !customer.ReceiptsTurnedOff);
    }
}
