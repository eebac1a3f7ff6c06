using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Features.Preferences.ContactRules;

namespace PreferenceCenter.Features.Api.Decisions;

/// <summary>
/// Turns checked questions into the customers they are about, for a whole batch in three queries: references
/// directly, addresses through the blind index (never a plaintext column), and addresses nobody has through the
/// suppression list, so an erased customer's address answers "suppressed", not "unknown". Lists go as one JSON
/// parameter each (EF.Parameter), as in <see cref="ContactDecisionService.DecideManyAsync"/>.
/// </summary>
public sealed class SubjectResolver(IDbContextFactory<AppDbContext> dbFactory, BlindIndex index, SuppressionList suppressions, TimeProvider time)
{
    public async Task<IReadOnlyList<ContactQuestion>> ResolveAsync(IReadOnlyList<DecisionQuestion> questions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var references = questions.Where(q => q.Reference is not null).Select(q => q.Reference!).Distinct().ToList();
        var indexes = questions.Where(q => q.Email is not null).Select(q => index.OfEmail(q.Email)).OfType<string>().Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var byReference = references.Count == 0 ? [] : await db.Customers.Where(c => EF.Parameter(references).Contains(c.Reference))
            .Select(c => new { c.Reference, c.Id }).ToDictionaryAsync(c => c.Reference, c => c.Id, StringComparer.Ordinal, cancellationToken);
        var byIndex = indexes.Count == 0 ? [] : await db.CustomerProfiles.Where(p => EF.Parameter(indexes).Contains(p.EmailIndex!))
            .Join(db.Customers.Where(c => c.Status == Common.CustomerStatus.Active), p => p.CustomerId, c => c.Id, (p, c) => new { p.EmailIndex, c.Id })
            .ToDictionaryAsync(x => x.EmailIndex!, x => x.Id, cancellationToken);

        var unknownEmails = questions.Where(q => q.Email is not null && !byIndex.ContainsKey(index.OfEmail(q.Email) ?? string.Empty))
            .Select(q => q.Email!).Distinct().ToList();
        var fingerprints = unknownEmails.ToDictionary(e => e, e => suppressions.Fingerprints(e, phone: null, time.GetUtcNow()).Select(f => f.Hash).FirstOrDefault());
        var hashes = fingerprints.Values.OfType<string>().ToList();
        var suppressed = hashes.Count == 0 ? [] : (await db.Suppressions.Where(s => EF.Parameter(hashes).Contains(s.Hash)).Select(s => s.Hash).ToListAsync(cancellationToken)).ToHashSet();

        return [.. questions.Select(q =>
        {
            Guid? id = q.Reference is not null
                ? byReference.TryGetValue(q.Reference, out var r) ? r : null
                : byIndex.TryGetValue(index.OfEmail(q.Email) ?? string.Empty, out var e) ? e : null;
            var isSuppressed = id is null && q.Email is not null && fingerprints.GetValueOrDefault(q.Email) is { } hash && suppressed.Contains(hash);
            return new ContactQuestion(id, q.Channel, q.PurposeKey, isSuppressed);
        })];
    }
}
