using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>
/// "May we contact this customer on channel C for purpose P now?" — asked by every sender and by the API, and
/// answered only here (<see cref="ContactDecisionRules"/>).
/// </summary>
public sealed class ContactDecisionService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public async Task<ContactDecision> DecideAsync(Guid customerId, Channel channel, string purposeKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purposeKey);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return ContactDecisionRules.Decide(await LoadFactsAsync(db, customerId, channel, purposeKey, cancellationToken), time.GetUtcNow());
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
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var facts = await LoadFactsAsync(db, customerId, channel, purposeKey, cancellationToken);
        var now = time.GetUtcNowToMillisecond();
        var decision = ContactDecisionRules.Decide(facts, now);
        if (!decision.Allowed || !ContactDecisionRules.IsLimitedByContactRules(facts.Purpose!))
        {
            return decision;
        }

        var contact = await db.ChannelContacts.FirstOrDefaultAsync(c => c.CustomerId == customerId && c.Channel == channel, cancellationToken)
            ?? db.ChannelContacts.Add(new LastContact { CustomerId = customerId, Channel = channel }).Entity;
        contact.LastContactedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return decision;
    }

    private static async Task<ContactFacts> LoadFactsAsync(
        AppDbContext db, Guid customerId, Channel channel, string purposeKey, CancellationToken cancellationToken)
    {
        var status = await db.Customers.Where(c => c.Id == customerId).Select(c => (CustomerStatus?)c.Status).FirstOrDefaultAsync(cancellationToken);
        var purpose = await db.Purposes.AsNoTracking().FirstOrDefaultAsync(p => p.Key == purposeKey, cancellationToken);
        var consent = purpose is null ? null : await db.Consents.AsNoTracking()
            .FirstOrDefaultAsync(c => c.CustomerId == customerId && c.PurposeId == purpose.Id && c.Channel == channel, cancellationToken);
        var rule = await db.ContactRules.AsNoTracking().FirstOrDefaultAsync(r => r.CustomerId == customerId && r.Channel == channel, cancellationToken);
        var last = await db.ChannelContacts.Where(c => c.CustomerId == customerId && c.Channel == channel)
            .Select(c => (DateTimeOffset?)c.LastContactedAt).FirstOrDefaultAsync(cancellationToken);
        return new ContactFacts(channel, status, purpose, consent, rule, last);
    }
}
