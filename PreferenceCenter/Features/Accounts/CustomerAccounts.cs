using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Features.Accounts;

/// <summary>The customer record behind a sign-in: created at sign-up, and its language; each change with its ledger entry.</summary>
/// <param name="newReference">Draws a customer reference; <see cref="CustomerReference.New"/> unless a test decides.</param>
public sealed class CustomerAccounts(
    IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, TimeProvider time, PersonalDataProtector protector,
    CustomerProfileService profiles, SuppressionList suppressions, BlindIndex index, Func<string>? newReference = null)
{
    private readonly Func<string> newReference = newReference ?? CustomerReference.New;

    /// <summary>
    /// Creates the customer behind a new sign-in, with their email encrypted in their profile. An email on the
    /// suppression list (an erased customer's) marks the new customer as previously erased, with its own ledger entry:
    /// they start afresh, with no old data and nothing opted in. An address an import created a customer for (one
    /// without a sign-in) is that customer's: the new sign-in takes the record over instead of making a second one.
    /// Sign-in needs the address confirmed first, so only its owner ever sees the record.
    /// </summary>
    public async Task<Customer> CreateForUserAsync(string userId, string email, string? culture, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        if (await TryClaimImportedAsync(userId, email, culture, cancellationToken) is { } claimed)
        {
            return claimed;
        }

        var previouslyErased = await suppressions.IsSuppressedAsync(email, phone: null, cancellationToken);
        var customerId = Guid.NewGuid();
        using var cipher = await protector.ForWritingAsync(customerId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);

        var existing = await db.Customers.FirstOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var now = time.GetUtcNowToMillisecond();
        var customer = new Customer
        {
            Id = customerId,
            UserId = userId,
            Reference = await FreeReferenceAsync(db, cancellationToken),
            CreatedAt = now,
            PreferredCulture = culture,
            PreviouslyErased = previouslyErased,
        };
        db.Customers.Add(customer);
        db.CustomerProfiles.Add(profiles.NewProfile(cipher, email, now));
        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.CustomerRegistered, Actor.Customer(customer.Id), customer.Id, ChangeSource.Web), cancellationToken);
        if (previouslyErased)
        {
            await ledger.AppendAsync(db, new LedgerDraft(
                LedgerEventType.SignedUpWithErasedAddress, Actor.System("suppression-list"), customer.Id, ChangeSource.Web, Detail: "email"), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return customer;
    }

    // References are 30 random bits: among three million customers about one sign-up in 350 draws one already issued,
    // and the unique index would refuse that sign-up. Drawn again until free; the write transaction keeps another sign-up
    // from taking it meanwhile (on PostgreSQL the unique index would refuse the second, as for any concurrent insert).
    private async Task<string> FreeReferenceAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        while (true)
        {
            var reference = newReference();
            if (!await db.Customers.AnyAsync(c => c.Reference == reference, cancellationToken))
            {
                return reference;
            }
        }
    }

    private async Task<Customer?> TryClaimImportedAsync(string userId, string email, string? culture, CancellationToken cancellationToken)
    {
        var emailIndex = index.OfEmail(email);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var imported = await db.CustomerProfiles.Where(p => p.EmailIndex == emailIndex)
            .Join(db.Customers.Where(c => c.UserId == null && c.Status == CustomerStatus.Active), p => p.CustomerId, c => c.Id, (p, c) => c)
            .FirstOrDefaultAsync(cancellationToken);
        if (imported is null)
        {
            return null;
        }

        imported.UserId = userId;
        imported.PreferredCulture ??= culture;
        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.ImportedRecordClaimed, Actor.Customer(imported.Id), imported.Id, ChangeSource.Web), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return imported;
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
