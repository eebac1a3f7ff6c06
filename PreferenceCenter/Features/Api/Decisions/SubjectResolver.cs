using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Features.Preferences.ContactRules;

namespace PreferenceCenter.Features.Api.Decisions;

/// <summary>
/// Turns checked questions into references for <see cref="ContactDecisionService.DecideByReferenceAsync"/>. A reference
/// needs no lookup; an address is found through the blind index (never a plaintext column), among active customers
/// only, and one nobody has is checked against the suppression list, so an erased customer's address answers
/// "suppressed", not "unknown". Two queries for a whole batch, none when it names no address; lists go as one JSON
/// parameter each (EF.Parameter).
/// </summary>
public sealed class SubjectResolver(BlindIndex index, SuppressionList suppressions, TimeProvider time)
{
    public async Task<IReadOnlyList<ReferencedQuestion>> ResolveAsync(AppDbContext db, IReadOnlyList<DecisionQuestion> questions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(questions);
        var emails = questions.Select(q => q.Email).OfType<string>().Distinct(StringComparer.Ordinal)
            .ToDictionary(e => e, e => index.OfEmail(e) ?? string.Empty, StringComparer.Ordinal);
        if (emails.Count == 0)
        {
            return [.. questions.Select(q => new ReferencedQuestion(q.Reference))];
        }

        var indexes = emails.Values.Distinct(StringComparer.Ordinal).ToList();
        var byIndex = await db.CustomerProfiles.Where(p => EF.Parameter(indexes).Contains(p.EmailIndex!))
            .Join(db.Customers.Where(c => c.Status == Common.CustomerStatus.Active), p => p.CustomerId, c => c.Id, (p, c) => new { p.EmailIndex, c.Reference })
            .ToDictionaryAsync(x => x.EmailIndex!, x => x.Reference, StringComparer.Ordinal, cancellationToken);

        var fingerprints = emails.Where(e => !byIndex.ContainsKey(e.Value))
            .ToDictionary(e => e.Key, e => suppressions.Fingerprints(e.Key, phone: null, time.GetUtcNow()).Select(f => f.Hash).FirstOrDefault(), StringComparer.Ordinal);
        var hashes = fingerprints.Values.OfType<string>().ToList();
        var suppressed = hashes.Count == 0 ? [] : (await db.Suppressions.Where(s => EF.Parameter(hashes).Contains(s.Hash)).Select(s => s.Hash)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        return [.. questions.Select(q => q.Email is null
            ? new ReferencedQuestion(q.Reference)
            : byIndex.TryGetValue(emails[q.Email], out var reference)
                ? new ReferencedQuestion(reference)
                : new ReferencedQuestion(null, fingerprints[q.Email] is { } hash && suppressed.Contains(hash)))];
    }
}
