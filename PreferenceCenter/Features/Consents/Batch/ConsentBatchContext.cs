using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Consents.Batch;

/// <summary>
/// Everything a group-committed batch of consent changes is decided on, read inside the write transaction in two
/// queries for the whole batch rather than one <see cref="ConsentChangeContext"/> round trip per change (which was
/// most of the writer's time in a burst of one-click unsubscribes). Nothing is tracked: the batch writes its rows
/// itself (<see cref="ConsentService.WithdrawManyAsync"/>). Each consent is one object here, changed in place, so a
/// later change in the batch sees what an earlier one did to the same row.
/// </summary>
public sealed class ConsentBatchContext
{
    private readonly Dictionary<Guid, CustomerStatus> statuses;
    private readonly Dictionary<string, Purpose> purposes;
    private readonly Dictionary<(Guid CustomerId, int PurposeId, Channel Channel), Consent> consents;
    private readonly int? notice;

    private ConsentBatchContext(
        Dictionary<Guid, CustomerStatus> statuses, Dictionary<string, Purpose> purposes,
        Dictionary<(Guid CustomerId, int PurposeId, Channel Channel), Consent> consents, int? notice)
    {
        this.statuses = statuses;
        this.purposes = purposes;
        this.consents = consents;
        this.notice = notice;
    }

    /// <summary>
    /// Whether <see cref="LedgerTail"/> was read with the purposes (it is whenever a purpose of the batch exists; with
    /// none, every change is refused and appends nothing).
    /// </summary>
    public bool HasLedgerTail { get; private init; }

    /// <summary>The ledger's tail as it stood when the batch was read, in the caller's write transaction (null when empty).</summary>
    public ChainTail? LedgerTail { get; private init; }

    public static async Task<ConsentBatchContext> LoadAsync(AppDbContext db, IReadOnlyList<ConsentChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changes);
        var customerIds = changes.Select(c => c.CustomerId).Distinct().ToList();
        var keys = changes.Select(c => c.PurposeKey).Distinct(StringComparer.Ordinal).ToList();
        var channels = changes.Select(c => c.Channel).Distinct().ToList();
        // Two round trips: the purposes with the notice and the ledger's tail, then each customer with the consents
        // asked about (a left join, so a customer without one still comes with a status). Four queries and the tail's
        // own were most of a group commit's time on PostgreSQL, each a round trip while the single writer waits.
        // Each list is one parameter (EF.Parameter), not one SQL parameter per value: the SQL then stays the same from
        // batch to batch and EF builds it once. SQLite compares TEXT byte for byte, as the ordinal dictionary does.
        var purposeRows = await db.Purposes.AsNoTracking().Where(p => EF.Parameter(keys).Contains(p.Key))
            .Select(p => new PurposeRow(
                p,
                db.NoticeVersions.Max(n => (int?)n.Number),
                db.LedgerEntries.OrderByDescending(e => e.Sequence).Select(e => (long?)e.Sequence).FirstOrDefault(),
                db.LedgerEntries.OrderByDescending(e => e.Sequence).Select(e => e.Hash).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var purposes = purposeRows.ToDictionary(r => r.Purpose.Key, r => r.Purpose, StringComparer.Ordinal);
        var purposeIds = purposes.Values.Select(p => p.Id).ToList();
        var rows = await (
            from customer in db.Customers.Where(c => EF.Parameter(customerIds).Contains(c.Id))
            join asked in db.Consents.AsNoTracking().Where(c => EF.Parameter(purposeIds).Contains(c.PurposeId) && EF.Parameter(channels).Contains(c.Channel))
                on customer.Id equals asked.CustomerId into found
            from consent in found.DefaultIfEmpty()
            select new CustomerRow(customer.Id, customer.Status, consent)).ToListAsync(cancellationToken);
        var statuses = new Dictionary<Guid, CustomerStatus>();
        var consents = new Dictionary<(Guid CustomerId, int PurposeId, Channel Channel), Consent>();
        foreach (var row in rows)
        {
            statuses[row.CustomerId] = row.Status;
            if (row.Consent is { } consent)
            {
                consents[(consent.CustomerId, consent.PurposeId, consent.Channel)] = consent;
            }
        }

        var first = purposeRows.FirstOrDefault();
        return new ConsentBatchContext(statuses, purposes, consents, first?.Notice)
        {
            HasLedgerTail = first is not null,
            LedgerTail = first is { TailSequence: long sequence, TailHash: { } hash } ? new ChainTail(sequence, hash) : null,
        };
    }

    /// <summary>A consent row the batch created, so later changes in the batch see it.</summary>
    public void Add(Consent consent)
    {
        ArgumentNullException.ThrowIfNull(consent);
        consents[(consent.CustomerId, consent.PurposeId, consent.Channel)] = consent;
    }

    /// <summary>What one change of the batch is decided on, as the batch has left it so far.</summary>
    public ConsentChangeContext For(ConsentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var purpose = purposes.GetValueOrDefault(change.PurposeKey);
        var consent = purpose is null ? null : consents.GetValueOrDefault((change.CustomerId, purpose.Id, change.Channel));
        return new ConsentChangeContext(
            statuses.TryGetValue(change.CustomerId, out var status) ? status : null, purpose, purpose is null ? null : notice, consent);
    }

    private sealed record PurposeRow(Purpose Purpose, int? Notice, long? TailSequence, string? TailHash);

    private sealed record CustomerRow(Guid CustomerId, CustomerStatus Status, Consent? Consent);
}
