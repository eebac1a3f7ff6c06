using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Consents.Batch;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Preferences;
using PreferenceCenter.Features.Preferences.ContactRules;

namespace PreferenceCenter.Features.Unsubscribe;

/// <summary>
/// What an unsubscribe link can do, acting as the customer the token names. Every change goes through the owning
/// feature's service (consents, contact rules), so state and ledger entry commit together as everywhere else.
/// </summary>
public sealed class UnsubscribeService(
    ConsentService consents, WithdrawAllUndo undo, GroupCommitWithdrawals withdrawals, ContactRulesService contactRules, IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, TimeProvider time)
{
    /// <summary>Withdraws exactly the purpose and channel the link was sent for; a replay changes and records nothing.</summary>
    public async Task<UnsubscribeOutcome> WithdrawAsync(LinkToken token, ChangeSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var result = await withdrawals.WithdrawAsync(new ConsentChange(
            token.CustomerId, token.PurposeKey, token.Channel, Grant: false, ConsentChange.AnyVersion, Actor.Customer(token.CustomerId), source,
            LinkOrigin.Record(token)),
            cancellationToken);
        return result.Outcome switch
        {
            ConsentChangeOutcome.Saved or ConsentChangeOutcome.Unchanged => UnsubscribeOutcome.Done,
            ConsentChangeOutcome.Conflict => UnsubscribeOutcome.Conflict,
            _ => UnsubscribeOutcome.Gone,
        };
    }

    public async Task<UnsubscribeOutcome> ChooseAsync(LinkToken token, UnsubscribeChoice choice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var actor = Actor.Customer(token.CustomerId);
        switch (choice)
        {
            case UnsubscribeChoice.Unsubscribe:
                return await WithdrawAsync(token, ChangeSource.UnsubscribePage, cancellationToken);
            case UnsubscribeChoice.Everything:
                await consents.WithdrawAllAsync(token.CustomerId, actor, ChangeSource.UnsubscribePage, LinkOrigin.Record(token), cancellationToken);
                return UnsubscribeOutcome.Done;
            case UnsubscribeChoice.LessOften:
                var rules = await contactRules.GetAsync(token.CustomerId, cancellationToken);
                var seen = rules[token.Channel].Frequency;
                if (!UnsubscribeRules.CanLower(seen))
                {
                    return UnsubscribeOutcome.AlreadyLeast;
                }

                return Outcome(await contactRules.SetFrequencyAsync(
                    token.CustomerId, token.Channel, UnsubscribeRules.LessOften(seen), seen, actor, ChangeSource.UnsubscribePage, LinkOrigin.Record(token), cancellationToken));
            case UnsubscribeChoice.Pause:
                return Outcome(await contactRules.PauseAsync(
                    token.CustomerId, [token.Channel], time.GetUtcNow().Add(UnsubscribeRules.PauseLength), actor, ChangeSource.UnsubscribePage,
                    LinkOrigin.Record(token), cancellationToken));
            default:
                throw new ArgumentOutOfRangeException(nameof(choice), choice, null);
        }
    }

    /// <summary>
    /// Takes back "unsubscribe from everything" within <see cref="WithdrawAllUndo.Window"/>: what was on comes back as it
    /// was (marketing by email stays confirmed), what changed meanwhile stays as it is.
    /// </summary>
    public async Task<WithdrawAllUndoOutcome> UndoEverythingAsync(LinkToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        return (await undo.UndoAsync(token.CustomerId, Actor.Customer(token.CustomerId), ChangeSource.UnsubscribePage, cancellationToken)).Outcome;
    }

    /// <summary>Records why the customer is leaving: one ledger entry naming the reason's key, nothing else.</summary>
    public async Task<UnsubscribeOutcome> RecordReasonAsync(LinkToken token, LeavingReason reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        if (!await db.Customers.AnyAsync(c => c.Id == token.CustomerId, cancellationToken))
        {
            return UnsubscribeOutcome.Gone;
        }

        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.UnsubscribeFeedbackGiven, Actor.Customer(token.CustomerId), token.CustomerId, ChangeSource.UnsubscribePage,
            PurposeKey: token.PurposeKey, Channel: token.Channel, Detail: UnsubscribeRules.Key(reason)), cancellationToken);
        return await db.TryCommitAsync(tx, cancellationToken) ? UnsubscribeOutcome.Done : UnsubscribeOutcome.Conflict;
    }

    private static UnsubscribeOutcome Outcome(PreferenceChangeResult result) => result.Outcome switch
    {
        PreferenceChangeOutcome.Saved or PreferenceChangeOutcome.Unchanged => UnsubscribeOutcome.Done,
        PreferenceChangeOutcome.Conflict => UnsubscribeOutcome.Conflict,
        _ => UnsubscribeOutcome.Gone,
    };
}
