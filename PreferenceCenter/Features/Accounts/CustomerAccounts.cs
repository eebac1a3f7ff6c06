using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Accounts;

/// <summary>The customer record behind a sign-in: created at sign-up, and its language; each change with its ledger entry.</summary>
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

    /// <summary>Remembers the language a customer chose (emails use it); returns false when it was already theirs.</summary>
    public async Task<bool> SetPreferredCultureAsync(Guid customerId, string culture, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(culture);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId && c.Status == CustomerStatus.Active, cancellationToken);
        if (customer is null || customer.PreferredCulture == culture)
        {
            return false;
        }

        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.PreferredLanguageChanged, Actor.Customer(customerId), customerId, ChangeSource.Web,
            Before: customer.PreferredCulture, After: culture), cancellationToken);
        customer.PreferredCulture = culture;
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }
}
