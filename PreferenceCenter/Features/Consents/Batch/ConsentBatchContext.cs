using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Consents.Batch;

/// <summary>
/// Everything a group-committed batch of consent changes is decided on, read inside the write transaction in four
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

    public static async Task<ConsentBatchContext> LoadAsync(AppDbContext db, IReadOnlyList<ConsentChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changes);
        var customerIds = changes.Select(c => c.CustomerId).Distinct().ToList();
        var keys = changes.Select(c => c.PurposeKey).Distinct(StringComparer.Ordinal).ToList();
        var channels = changes.Select(c => c.Channel).Distinct().ToList();
        // Each list as one JSON parameter (EF.Parameter), not one SQL parameter per value: the SQL then stays the same
        // from batch to batch and EF builds it once, instead of for every batch size. SQLite compares TEXT byte for
        // byte, as the ordinal dictionary does.
        var purposes = await db.Purposes.AsNoTracking().Where(p => EF.Parameter(keys).Contains(p.Key)).ToDictionaryAsync(p => p.Key, StringComparer.Ordinal, cancellationToken);
        var purposeIds = purposes.Values.Select(p => p.Id).ToList();
        var statuses = await db.Customers.Where(c => EF.Parameter(customerIds).Contains(c.Id))
            .Select(c => new { c.Id, c.Status }).ToDictionaryAsync(c => c.Id, c => c.Status, cancellationToken);
        var consents = await db.Consents.AsNoTracking()
            .Where(c => EF.Parameter(customerIds).Contains(c.CustomerId) && EF.Parameter(purposeIds).Contains(c.PurposeId) && EF.Parameter(channels).Contains(c.Channel))
            .ToDictionaryAsync(c => (c.CustomerId, c.PurposeId, c.Channel), cancellationToken);
        var notice = await db.NoticeVersions.MaxAsync(n => (int?)n.Number, cancellationToken);
        return new ConsentBatchContext(statuses, purposes, consents, notice);
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
}
