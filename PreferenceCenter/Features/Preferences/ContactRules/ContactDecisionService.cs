using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>
/// "May we contact this customer on channel C for purpose P now?" — asked by every sender and by the API, and
/// answered only here (<see cref="ContactDecisionRules"/>).
/// </summary>
/// <param name="readers">Kept SQLite connections for a single customer's question (<see cref="SqliteFactsReaders"/>); without them, EF's statement.</param>
public sealed class ContactDecisionService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, SqliteFactsReaders? readers = null)
{
    public async Task<ContactDecision> DecideAsync(Guid customerId, Channel channel, string purposeKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purposeKey);
        return (await DecideManyAsync([new ContactQuestion(customerId, channel, purposeKey)], cancellationToken))[0];
    }

    /// <summary>
    /// Questions about customers a sender names by reference, for one purpose and channel, read in one statement
    /// (<see cref="ReferencedContactFacts"/>) on a context the caller holds (an API request shares one with its key's
    /// check) and decided by the same <see cref="ContactDecisionRules"/>, in the order asked. Null when no purpose has
    /// the key, so the caller can name the field.
    /// </summary>
    public async Task<IReadOnlyList<ContactDecision>?> DecideByReferenceAsync(
        AppDbContext db, string purposeKey, Channel channel, IReadOnlyList<ReferencedQuestion> questions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(purposeKey);
        ArgumentNullException.ThrowIfNull(questions);
        var references = questions.Select(q => q.Reference).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (await ReferencedContactFacts.LoadAsync(db, purposeKey, channel, references, readers, cancellationToken) is not var (purpose, found))
        {
            return null;
        }

        var now = time.GetUtcNow();
        return [.. questions.Select(q => ContactDecisionRules.Decide(
            q.Reference is not null && found.TryGetValue(q.Reference, out var facts)
                ? facts
                : new ContactFacts(channel, null, purpose, null, null, null, q.AddressSuppressed), now))];
    }

    /// <summary>
    /// Many decisions at once (a sender's batch), read in five queries whatever the count (<see cref="ContactFactsBatch"/>)
    /// and decided one by one by the same <see cref="ContactDecisionRules"/>. Answers come back in the order asked.
    /// </summary>
    public async Task<IReadOnlyList<ContactDecision>> DecideManyAsync(IReadOnlyList<ContactQuestion> questions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var facts = await ContactFactsBatch.LoadAsync(db, questions, forWriting: false, cancellationToken);
        var now = time.GetUtcNow();
        return [.. questions.Select(q => ContactDecisionRules.Decide(facts.For(q), now))];
    }

    /// <summary>
    /// Reservations decided in order and committed together (<see cref="ContactReservations"/> batches a burst): each
    /// allowed one records the contact, and a later question in the batch sees it, so of two senders racing for one
    /// weekly slot exactly one wins, as with <see cref="ReserveAsync"/>, for one transaction and one fsync per batch.
    /// </summary>
    public async Task<IReadOnlyList<ContactDecision>> ReserveManyAsync(IReadOnlyList<ContactQuestion> questions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var facts = await ContactFactsBatch.LoadAsync(db, questions, forWriting: true, cancellationToken);
        var now = time.GetUtcNowToMillisecond();
        var decisions = new ContactDecision[questions.Count];
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            decisions[i] = ContactDecisionRules.Decide(facts.For(question), now);
            if (decisions[i].Allowed && question.CustomerId is { } customerId && ContactDecisionRules.IsLimitedByContactRules(facts.PurposeOf(question)!))
            {
                facts.Record(db, customerId, question.Channel, now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return decisions;
    }

    /// <summary>
    /// Decides and, when allowed, records the contact in the same transaction, so two senders racing for the same
    /// weekly slot cannot both have it. Call it just before sending something the customer did not ask for.
    /// </summary>
    public async Task<ContactDecision> ReserveAsync(Guid customerId, Channel channel, string purposeKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purposeKey);
        return (await ReserveManyAsync([new ContactQuestion(customerId, channel, purposeKey)], cancellationToken))[0];
    }
}
