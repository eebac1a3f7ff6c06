using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Erasure;

namespace PreferenceCenter.Features.MyData;

/// <summary>The profile part of the export: the customer record and the personal details held for it.</summary>
public sealed class MyDataProfiles(IDbContextFactory<AppDbContext> dbFactory, ErasureAccounts accounts)
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

        var email = await accounts.EmailOfAsync(customerId, cancellationToken);
        return new MyDataProfile(customer.Id, customer.Reference, customer.CreatedAt, customer.PreferredCulture, null, email, null);
    }
}
