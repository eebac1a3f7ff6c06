using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Preferences.Receipts;

/// <summary>
/// Whether a customer gets receipts. Turning them off or on is itself recorded, and moves the customer's
/// <see cref="Customer.ReceiptedThrough"/> to that entry: changes made while receipts were off never get one later,
/// and changes waiting when they are turned off are not sent.
/// </summary>
public sealed class ReceiptSettings(IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger)
{
    /// <returns>Null for no active customer; otherwise whether receipts are on.</returns>
    public async Task<bool?> AreOnAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Customers.Where(c => c.Id == customerId && c.Status == CustomerStatus.Active)
            .Select(c => (bool?)!c.ReceiptsTurnedOff).FirstOrDefaultAsync(cancellationToken);
    }

    /// <returns>False when nothing changed: no active customer, or receipts were already as asked.</returns>
    public async Task<bool> SetAsync(Guid customerId, bool on, Actor actor, ChangeSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId && c.Status == CustomerStatus.Active, cancellationToken);
        if (customer is null || customer.ReceiptsTurnedOff == !on)
        {
            return false;
        }

        var entry = await ledger.AppendAsync(db, new LedgerDraft(
            on ? LedgerEventType.ReceiptsTurnedOn : LedgerEventType.ReceiptsTurnedOff, actor, customerId, source), cancellationToken);
        customer.ReceiptsTurnedOff = !on;
        customer.ReceiptedThrough = entry.Sequence;
        return await db.TryCommitAsync(tx, cancellationToken);
    }
}
