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
    /// Many decisions at once (a sender's batch), read in five queries whatever the count and decided one by one by
    /// the same <see cref="ContactDecisionRules"/>. Answers come back in the order asked. Each list goes as one JSON
    /// parameter (EF.Parameter, as <c>ConsentBatchContext</c> does): SQLite finds named parameters by a linear search,
    /// so a thousand of them would cost a quadratic lookup, and the SQL would be built again for every batch size.
    /// </summary>
    public async Task<IReadOnlyList<ContactDecision>> DecideManyAsync(IReadOnlyList<ContactQuestion> questions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var ids = questions.Where(q => q.CustomerId is not null).Select(q => q.CustomerId!.Value).Distinct().ToList();
        var keys = questions.Select(q => q.PurposeKey).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var statuses = await db.Customers.Where(c => EF.Parameter(ids).Contains(c.Id)).Select(c => new { c.Id, c.Status })
            .ToDictionaryAsync(c => c.Id, c => c.Status, cancellationToken);
        var purposes = await db.Purposes.AsNoTracking().Where(p => EF.Parameter(keys).Contains(p.Key)).ToDictionaryAsync(p => p.Key, StringComparer.Ordinal, cancellationToken);
        var purposeIds = purposes.Values.Select(p => p.Id).ToList();
        var consents = (await db.Consents.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.CustomerId) && EF.Parameter(purposeIds).Contains(c.PurposeId))
            .ToListAsync(cancellationToken)).ToDictionary(c => (c.CustomerId, c.PurposeId, c.Channel));
        var rules = (await db.ContactRules.AsNoTracking().Where(r => EF.Parameter(ids).Contains(r.CustomerId)).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.CustomerId, r.Channel));
        var contacts = (await db.ChannelContacts.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.CustomerId)).ToListAsync(cancellationToken))
            .ToDictionary(c => (c.CustomerId, c.Channel), c => c.LastContactedAt);

        var now = time.GetUtcNow();
        return [.. questions.Select(q =>
        {
            var id = q.CustomerId ?? Guid.Empty;
            var purpose = purposes.GetValueOrDefault(q.PurposeKey);
            return ContactDecisionRules.Decide(new ContactFacts(
                q.Channel,
                q.CustomerId is not null && statuses.TryGetValue(id, out var status) ? status : null,
                purpose,
                purpose is null ? null : consents.GetValueOrDefault((id, purpose.Id, q.Channel)),
                rules.GetValueOrDefault((id, q.Channel)),
                contacts.TryGetValue((id, q.Channel), out var last) ? last : null,
                q.AddressSuppressed), now);
        })];
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
