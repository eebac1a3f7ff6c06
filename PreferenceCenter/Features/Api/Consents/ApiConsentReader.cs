using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;

namespace PreferenceCenter.Features.Api.Consents;

/// <summary>Reads what the consents API answers from the state projection (never by replaying the ledger).</summary>
public sealed class ApiConsentReader(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>The customer a reference names, with their status; null when no customer ever had it.</summary>
    public async Task<(Guid Id, CustomerStatus Status)?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Customers.Where(c => c.Reference == reference).Select(c => new { c.Id, c.Status }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Id, found.Status);
    }

    public async Task<IReadOnlyList<ApiConsent>> ReadAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Consents.AsNoTracking().Where(c => c.CustomerId == customerId)
            .Join(db.Purposes, c => c.PurposeId, p => p.Id, (c, p) => new { p.Key, Consent = c })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Consent.Channel).Select(r => new ApiConsent(
            r.Key, ApiNames.Of(r.Consent.Channel), ConsentRules.StateLabel(r.Consent, now), r.Consent.ChangedAt, r.Consent.ExpiresAt,
            r.Consent.NoticeVersion, r.Consent.Version))];
    }

    public async Task<IReadOnlySet<int>> NoticeVersionsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.NoticeVersions.Select(n => n.Number).ToListAsync(cancellationToken)).ToHashSet();
    }
}
