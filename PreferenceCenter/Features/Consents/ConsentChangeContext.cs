using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Consents;

/// <summary>
/// Everything a consent change is decided on, read in one round trip inside the write transaction:
/// the customer's status, the purpose, the current notice version and the consent as it stands (untracked: the
/// change is written with prepared statements, not through the change tracker).
/// </summary>
public sealed record ConsentChangeContext(CustomerStatus? CustomerStatus, Purpose? Purpose, int? NoticeVersion, Consent? Consent)
{
    // Compiled: this runs on every change, and a compiled query halves its cost (see the README's benchmark). The
    // ledger's tail comes in the same query, for the entry the change appends: a second query cost as much again.
    private static readonly CompiledQuery<Func<AppDbContext, Guid, string, Channel, Task<Row?>>> Load = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid customerId, string purposeKey, Channel channel) => (
            from purpose in db.Purposes.AsNoTracking()
            where purpose.Key == purposeKey
            join existing in db.Consents.Where(c => c.CustomerId == customerId && c.Channel == channel)
                on purpose.Id equals existing.PurposeId into consents
            from consent in consents.DefaultIfEmpty()
            select new Row(
                purpose,
                consent,
                db.Customers.Where(c => c.Id == customerId).Select(c => (CustomerStatus?)c.Status).FirstOrDefault(),
                db.NoticeVersions.Max(n => (int?)n.Number),
                db.LedgerEntries.OrderByDescending(e => e.Sequence).Select(e => (long?)e.Sequence).FirstOrDefault(),
                db.LedgerEntries.OrderByDescending(e => e.Sequence).Select(e => e.Hash).FirstOrDefault()))
            .FirstOrDefault()));

    /// <summary>
    /// The context, and the ledger's tail as it stands in the caller's write transaction (null when the ledger is
    /// empty, or when the purpose does not exist: that change is refused and appends nothing).
    /// </summary>
    public static async Task<(ConsentChangeContext Context, ChainTail? LedgerTail)> LoadAsync(AppDbContext db, ConsentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        var row = await Load.For(db)(db, change.CustomerId, change.PurposeKey, change.Channel);
        return row is not null
            ? (new ConsentChangeContext(row.Status, row.Purpose, row.Notice, row.Consent),
                row is { TailSequence: long sequence, TailHash: { } hash } ? new ChainTail(sequence, hash) : null)
            : (new ConsentChangeContext(await StatusAsync(db, change.CustomerId, cancellationToken), null, null, null), null);
    }

    // Only when the purpose does not exist: the change is refused, but an unknown customer is still reported first.
    private static Task<CustomerStatus?> StatusAsync(AppDbContext db, Guid customerId, CancellationToken cancellationToken) =>
        db.Customers.Where(c => c.Id == customerId).Select(c => (CustomerStatus?)c.Status).FirstOrDefaultAsync(cancellationToken);

    private sealed record Row(Purpose Purpose, Consent? Consent, CustomerStatus? Status, int? Notice, long? TailSequence, string? TailHash);
}
