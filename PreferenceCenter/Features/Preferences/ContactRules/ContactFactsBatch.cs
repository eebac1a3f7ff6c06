using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>
/// The facts for many contact questions, read in five queries whatever their count. Each list goes as one JSON
/// parameter (EF.Parameter, as <c>ConsentBatchContext</c> does): SQLite finds named parameters by a linear search, so a
/// thousand of them would cost a quadratic lookup, and the SQL would be built again for every batch size. For a
/// reservation the contact times are tracked, and a contact recorded earlier in the batch counts for the later ones.
/// </summary>
internal sealed class ContactFactsBatch
{
    private readonly IReadOnlyDictionary<Guid, CustomerStatus> statuses;
    private readonly IReadOnlyDictionary<string, Purpose> purposes;
    private readonly IReadOnlyDictionary<(Guid, int, Channel), Consents.Consent> consents;
    private readonly IReadOnlyDictionary<(Guid, Channel), ContactRule> rules;
    private readonly Dictionary<(Guid, Channel), LastContact> contacts;

    private ContactFactsBatch(
        IReadOnlyDictionary<Guid, CustomerStatus> statuses, IReadOnlyDictionary<string, Purpose> purposes,
        IReadOnlyDictionary<(Guid, int, Channel), Consents.Consent> consents, IReadOnlyDictionary<(Guid, Channel), ContactRule> rules,
        Dictionary<(Guid, Channel), LastContact> contacts)
    {
        this.statuses = statuses;
        this.purposes = purposes;
        this.consents = consents;
        this.rules = rules;
        this.contacts = contacts;
    }

    public static async Task<ContactFactsBatch> LoadAsync(
        AppDbContext db, IReadOnlyList<ContactQuestion> questions, bool forWriting, CancellationToken cancellationToken)
    {
        var ids = questions.Where(q => q.CustomerId is not null).Select(q => q.CustomerId!.Value).Distinct().ToList();
        var keys = questions.Select(q => q.PurposeKey).Distinct().ToList();
        var statuses = await db.Customers.Where(c => EF.Parameter(ids).Contains(c.Id)).Select(c => new { c.Id, c.Status })
            .ToDictionaryAsync(c => c.Id, c => c.Status, cancellationToken);
        var purposes = await db.Purposes.AsNoTracking().Where(p => EF.Parameter(keys).Contains(p.Key))
            .ToDictionaryAsync(p => p.Key, StringComparer.Ordinal, cancellationToken);
        var purposeIds = purposes.Values.Select(p => p.Id).ToList();
        var consents = await db.Consents.AsNoTracking()
            .Where(c => EF.Parameter(ids).Contains(c.CustomerId) && EF.Parameter(purposeIds).Contains(c.PurposeId))
            .ToDictionaryAsync(c => (c.CustomerId, c.PurposeId, c.Channel), cancellationToken);
        var rules = await db.ContactRules.AsNoTracking().Where(r => EF.Parameter(ids).Contains(r.CustomerId))
            .ToDictionaryAsync(r => (r.CustomerId, r.Channel), cancellationToken);
        var contactRows = db.ChannelContacts.Where(c => EF.Parameter(ids).Contains(c.CustomerId));
        var contacts = await (forWriting ? contactRows : contactRows.AsNoTracking())
            .ToDictionaryAsync(c => (c.CustomerId, c.Channel), cancellationToken);
        return new ContactFactsBatch(statuses, purposes, consents, rules, contacts);
    }

    public Purpose? PurposeOf(ContactQuestion question) => purposes.GetValueOrDefault(question.PurposeKey);

    public ContactFacts For(ContactQuestion question)
    {
        var id = question.CustomerId ?? Guid.Empty;
        var purpose = PurposeOf(question);
        return new ContactFacts(
            question.Channel,
            question.CustomerId is not null && statuses.TryGetValue(id, out var status) ? status : null,
            purpose,
            purpose is null ? null : consents.GetValueOrDefault((id, purpose.Id, question.Channel)),
            rules.GetValueOrDefault((id, question.Channel)),
            contacts.GetValueOrDefault((id, question.Channel))?.LastContactedAt,
            question.AddressSuppressed);
    }

    /// <summary>Records the contact in the tracked rows; a later question in the same batch sees it.</summary>
    public void Record(AppDbContext db, Guid customerId, Channel channel, DateTimeOffset now)
    {
        if (!contacts.TryGetValue((customerId, channel), out var contact))
        {
            contact = db.ChannelContacts.Add(new LastContact { CustomerId = customerId, Channel = channel }).Entity;
            contacts[(customerId, channel)] = contact;
        }

        contact.LastContactedAt = now;
    }
}
