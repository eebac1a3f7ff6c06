using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Erasure;

/// <summary>A customer's erasure requests, read-only: what other pages (such as /preferences) need to know.</summary>
public sealed class ErasureRequestReader(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, IOptions<ErasureOptions> options)
{
    /// <summary>The customer's requests, newest first; a request waiting for confirmation says whether its link lapsed.</summary>
    public async Task<IReadOnlyList<ErasureRequestView>> ListAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ErasureRequests.AsNoTracking().Where(r => r.CustomerId == customerId)
            .OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        // A resent link restarts the clock: the ledger holds when each went out.
        var resent = (await db.LedgerEntries.AsNoTracking()
                .Where(e => e.SubjectId == customerId && e.EventType == LedgerEventType.ErasureLinkResent)
                .Select(e => new { e.Detail, e.OccurredAt }).ToListAsync(cancellationToken))
            .GroupBy(e => e.Detail).ToDictionary(g => g.Key ?? string.Empty, g => g.Max(e => e.OccurredAt));
        var now = time.GetUtcNow();
        return [.. rows.Select(r => ErasureRequestView.From(
            r, now, resent.TryGetValue(ErasureLedger.Detail(r.Id), out var at) ? at : null, options.Value.ConfirmationLinkHours))];
    }

    /// <summary>The request still running, if any: while it is open the customer cannot ask again.</summary>
    public async Task<ErasureRequestView?> GetOpenAsync(Guid customerId, CancellationToken cancellationToken = default) =>
        (await ListAsync(customerId, cancellationToken)).FirstOrDefault(r => r.IsOpen);
}
