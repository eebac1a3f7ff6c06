using Microsoft.EntityFrameworkCore.Storage;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Messaging.Links;

namespace PreferenceCenter.Features.Consents.Lifecycle;

/// <summary>
/// A valid link being followed: its token, the consent it names (if it still exists, for an active customer), the
/// consent's title in the reader's language, and — only for a POST — the open write transaction.
/// </summary>
public sealed record LinkStep(AppDbContext Db, IDbContextTransaction? Transaction, LinkToken Token, LinkedConsent? Linked, string Title, DateTimeOffset Now)
{
    public LinkResult Result(LinkOutcome outcome, DateTimeOffset? validUntil = null) => new(outcome, Title, Token.Channel, validUntil);
}
