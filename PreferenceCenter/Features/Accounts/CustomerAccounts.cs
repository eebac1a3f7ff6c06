using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Accounts;

/// <summary>Creates the customer record behind a new sign-up, with its ledger entry.</summary>
public sealed class CustomerAccounts(IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, TimeProvider time)
{
    public async Task<Customer> CreateForUserAsync(string userId, string? culture, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);

        var existing = await db.Customers.FirstOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var customer = new Customer
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Reference = CustomerReference.New(),
            CreatedAt = time.GetUtcNowToMillisecond(),
            PreferredCulture = culture,
        };
        db.Customers.Add(customer);
        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.CustomerRegistered, Actor.Customer(customer.Id), customer.Id, ChangeSource.Web), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return customer;
    }
}
