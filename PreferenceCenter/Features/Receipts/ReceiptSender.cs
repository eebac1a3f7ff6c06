using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Features.Preferences.Questionnaire;
using System.Globalization;
using PreferenceCenter.Features.Preferences.Receipts;
using PreferenceCenter.Features.History;

namespace PreferenceCenter.Features.Receipts;

/// <summary>
/// Sends one receipt per ended session of changes (<see cref="ReceiptRules"/>). Per customer, one transaction: the
/// outbox rows, a <see cref="LedgerEventType.ReceiptSent"/> entry per receipt and the customer's
/// <see cref="Customer.ReceiptedThrough"/> commit together, so a change is receipted once whoever runs the job.
/// A receipt reports what the customer did, so a pause on email does not hold it.
/// </summary>
public sealed class ReceiptSender(
    IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, ReceiptMail mail, AnswerService answers, AccountSealer accounts,
    IOptions<ReceiptOptions> options, TimeProvider time)
{
    public const string ActorName = "receipts";
    public const int BatchSize = 100;

    /// <returns>How many receipts were queued.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        foreach (var customerId in await CandidatesAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            sent += await SendForAsync(customerId, cancellationToken);
        }

        return sent;
    }

    // Customers with receipts on and a change waiting that is at least the quiet period old: their first session may have ended.
    private async Task<List<Guid>> CandidatesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var quietSince = time.GetUtcNowToMillisecond() - options.Value.Quiet;
        var types = ReceiptRules.Changes.ToList();
        var actors = ReceiptRules.Actors.ToList();
        return await db.Customers
            .Where(c => c.Status == CustomerStatus.Active && c.UserId != null && !c.ReceiptsTurnedOff
                && db.LedgerEntries.Any(e => e.SubjectId == c.Id && e.Sequence > c.ReceiptedThrough && e.OccurredAt <= quietSince
                    && types.Contains(e.EventType) && actors.Contains(e.ActorKind)))
            // Those receipted longest ago first, and a stable order: a batch without one is whatever the store returns first.
            .OrderBy(c => c.ReceiptedThrough).ThenBy(c => c.Id)
            .Select(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
    }

    private async Task<int> SendForAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var now = time.GetUtcNowToMillisecond();
        var quiet = options.Value.Quiet;

        // Read again inside the transaction: receipts turned off, or another instance sent them, meanwhile.
        var customer = await db.Customers.FirstOrDefaultAsync(
            c => c.Id == customerId && c.Status == CustomerStatus.Active && !c.ReceiptsTurnedOff, cancellationToken);
        if (customer is null)
        {
            return 0;
        }

        var changes = await ReceiptReader.ChangesAsync(db, customerId, customer.ReceiptedThrough, cancellationToken);
        var ended = ReceiptRules.Sessions(changes, quiet).Where(s => ReceiptRules.HasEnded(s, now, quiet)).ToList();
        var recipient = ended.Count == 0 ? null : await MailRecipient.FindAsync(db, accounts, customerId, cancellationToken);
        if (recipient is null)
        {
            return 0;
        }

        var vocabulary = await ReceiptVocabulary.LoadAsync(db, answers, recipient.Culture, cancellationToken);
        foreach (var session in ended)
        {
            await mail.EnqueueAsync(db, recipient, customerId, session, vocabulary, now, cancellationToken);
            await ledger.AppendAsync(db, new LedgerDraft(
                LedgerEventType.ReceiptSent, Actor.System(ActorName), customerId, ChangeSource.System,
                Before: Invariant(session[0].Sequence), After: Invariant(session[^1].Sequence), Detail: Invariant(session.Count)), cancellationToken);
        }

        customer.ReceiptedThrough = ended[^1][^1].Sequence;
        return await db.TryCommitAsync(tx, cancellationToken) ? ended.Count : 0;
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
