using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Erasure;

namespace PreferenceCenter.Features.Compliance;

/// <summary>Reads the panel's figures, counts only; each is one query over an indexed or small set.</summary>
public sealed class CompliancePanelService(IDbContextFactory<AppDbContext> dbFactory, IOptions<ComplianceOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);
    public static readonly TimeSpan ExpiryHorizon = TimeSpan.FromDays(30);

    public async Task<CompliancePanel> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNowToMillisecond();
        var weekEnd = now + Week;
        var open = await db.ErasureRequests.AsNoTracking()
            .Where(r => ErasureRules.OpenStates.Contains(r.State) && r.DueAt < weekEnd)
            .OrderBy(r => r.DueAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var due = open.Select(r => new ErasureDue(r.Id, r.State, r.RequestedAt, r.DueAt, r.DeadlineExtendedAt is not null, DeadlineExtensionRules.CanExtend(r, now))).ToList();
        var anchor = await db.LedgerAnchors.AsNoTracking().OrderByDescending(a => a.AnchoredAt).Select(a => (DateTimeOffset?)a.AnchoredAt).FirstOrDefaultAsync(cancellationToken);
        var horizon = now + ExpiryHorizon;
        var expiring = await db.Consents.CountAsync(c => c.State == ConsentState.Granted && c.ExpiresAt > now && c.ExpiresAt <= horizon, cancellationToken);
        var waiting = await db.Consents.CountAsync(c => c.State == ConsentState.PendingConfirmation, cancellationToken);
        var failing = await db.OutboxMessages.CountAsync(m => m.SentAt == null && (m.FailedAt != null || m.Attempts > 0), cancellationToken);
        return new CompliancePanel(
            [.. due.Where(d => d.DueAt < now)], [.. due.Where(d => d.DueAt >= now)], anchor,
            anchor is { } at ? (int)(now.UtcDateTime.Date - at.UtcDateTime.Date).TotalDays : null,
            options.Value.DpoAddress is { Length: > 0 }, expiring, waiting, failing);
    }
}
