using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Consents.Gpc;

/// <summary>
/// Honours a signed-in customer's Global Privacy Control signal as an opt-out of sharing with partners: every
/// partner purpose is switched off, each with its ledger entry (source <see cref="ChangeSource.GlobalPrivacyControl"/>),
/// and a signal row, all in one transaction. Once per customer: a later page with the same header changes nothing,
/// so a customer who turns sharing on again (<see cref="GlobalPrivacyControlOverride"/>) keeps their choice.
/// </summary>
public sealed class GlobalPrivacyControlService(IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, TimeProvider time)
{
    // Compiled: it runs on every page a signalling browser opens.
    private static readonly CompiledQuery<Func<AppDbContext, Guid, Task<GlobalPrivacyControlStatus?>>> Find = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid customerId) => db.GlobalPrivacyControlSignals
            .Where(s => s.CustomerId == customerId)
            .Select(s => new GlobalPrivacyControlStatus(s.HonouredAt, s.OverriddenAt))
            .FirstOrDefault()));

    /// <summary>The signal's record for the customer, or null when their browser never sent one while signed in.</summary>
    public async Task<GlobalPrivacyControlStatus?> GetAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return await Find.For(db)(db, customerId);
    }

    /// <summary>
    /// Switches the partner purposes off for the signal, the first time only. Returns how many consents were
    /// switched off, or null when the signal was honoured before (or the customer is no longer active).
    /// </summary>
    public async Task<int?> HonourAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        // A read first, so the pages a signalling browser opens later never wait for the write lock.
        if (await GetAsync(customerId, cancellationToken) is not null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var status = await db.Customers.Where(c => c.Id == customerId).Select(c => (CustomerStatus?)c.Status).FirstOrDefaultAsync(cancellationToken);
        if (status != CustomerStatus.Active || await db.GlobalPrivacyControlSignals.AnyAsync(s => s.CustomerId == customerId, cancellationToken))
        {
            return null;
        }

        var now = time.GetUtcNowToMillisecond();
        var notice = await db.NoticeVersions.MaxAsync(n => (int?)n.Number, cancellationToken) ?? 0;
        var sharing = await db.Consents
            .Where(c => c.CustomerId == customerId && c.State != ConsentState.Withdrawn)
            .Join(db.Purposes.Where(p => p.Kind == PurposeKind.Sharing), c => c.PurposeId, p => p.Id, (c, p) => new { Consent = c, Purpose = p })
            .ToListAsync(cancellationToken);

        var actor = Actor.Customer(customerId);
        var withdrawn = 0;
        foreach (var item in sharing.Where(s => !ConsentRules.IsUnchanged(s.Consent, grant: false, now)))
        {
            var before = ConsentRules.StateLabel(item.Consent, now);
            ConsentTransition.Apply(item.Consent, ConsentState.Withdrawn, item.Purpose, notice, ChangeSource.GlobalPrivacyControl, now);
            await ledger.AppendAsync(db, new LedgerDraft(
                LedgerEventType.ConsentWithdrawn, actor, customerId, ChangeSource.GlobalPrivacyControl, notice,
                item.Purpose.Key, item.Consent.Channel, before, ConsentRules.Off), cancellationToken);
            withdrawn++;
        }

        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.GlobalPrivacyControlHonoured, actor, customerId, ChangeSource.GlobalPrivacyControl, notice,
            Detail: $"withdrawn={withdrawn}"), cancellationToken);
        db.GlobalPrivacyControlSignals.Add(new GlobalPrivacyControlSignal { CustomerId = customerId, HonouredAt = now });

        // Another instance honouring the same signal at the same moment wins on the key (or the ledger's sequence).
        return await db.TryCommitAsync(tx, cancellationToken) ? withdrawn : null;
    }
}
