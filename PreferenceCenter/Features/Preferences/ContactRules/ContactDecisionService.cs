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
