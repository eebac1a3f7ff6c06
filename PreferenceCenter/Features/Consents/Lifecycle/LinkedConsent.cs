using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Consents.Lifecycle;

/// <summary>The consent a link names (tracked, for a write), with its purpose; only for an active customer.</summary>
public sealed record LinkedConsent(Consent Consent, Purpose Purpose)
{
    public static async Task<LinkedConsent?> LoadAsync(AppDbContext db, LinkToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(token);
        var row = await db.Consents
            .Where(c => c.CustomerId == token.CustomerId && c.Channel == token.Channel
                && db.Customers.Any(x => x.Id == token.CustomerId && x.Status == CustomerStatus.Active))
            .Join(db.Purposes.Where(p => p.Key == token.PurposeKey), c => c.PurposeId, p => p.Id, (c, p) => new { Consent = c, Purpose = p })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new LinkedConsent(row.Consent, row.Purpose);
    }

    /// <summary>A refused token: 400 when we did not make it as it is (or made it for another link), 410 when it ran out.</summary>
    public static LinkResult Refused(LinkTokenFailure failure) =>
        new(failure == LinkTokenFailure.Expired ? LinkOutcome.Expired : LinkOutcome.Invalid);
}
