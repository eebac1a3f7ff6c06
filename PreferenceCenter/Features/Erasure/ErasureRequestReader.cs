using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;

namespace PreferenceCenter.Features.Erasure;

/// <summary>A customer's erasure requests, read-only: what other pages (such as /preferences) need to know.</summary>
public sealed class ErasureRequestReader(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>The customer's requests, newest first.</summary>
    public async Task<IReadOnlyList<ErasureRequestView>> ListAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ErasureRequests.AsNoTracking().Where(r => r.CustomerId == customerId)
            .OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return [.. rows.Select(r => ErasureRequestView.From(r, now))];
    }

    /// <summary>The request still running, if any: while it is open the customer cannot ask again.</summary>
    public async Task<ErasureRequestView?> GetOpenAsync(Guid customerId, CancellationToken cancellationToken = default) =>
        (await ListAsync(customerId, cancellationToken)).FirstOrDefault(r => r.IsOpen);
}
