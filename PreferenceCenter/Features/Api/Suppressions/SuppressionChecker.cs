using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Api.Decisions;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Features.Preferences.ContactRules;

namespace PreferenceCenter.Features.Api.Suppressions;

/// <summary>
/// "Which of these addresses must we not contact?" without ever listing one: each item is hashed with the app's keys,
/// live customers are found through the blind index, erased ones only as a fingerprint on the suppression list
/// (<see cref="SuppressionList"/>). With a purpose and channel, each is then decided by <see cref="ContactDecisionService"/>,
/// the same rules as <c>/decisions</c>. A whole batch is four statements, whatever its size.
/// </summary>
public sealed class SuppressionChecker(BlindIndex index, SuppressionList suppressions, ContactDecisionService decisions, TimeProvider time)
{
    public async Task<SuppressionCheckOutcome> CheckAsync(SuppressionCheckRequest request, ApiRequestDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(database);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var items = SuppressionCheckRules.Check(request.Items ?? [], errors);
        var purpose = request.Purpose?.Trim();
        var hasPurpose = !string.IsNullOrEmpty(purpose);
        var hasChannel = !string.IsNullOrWhiteSpace(request.Channel);
        var channel = default(Channel);
        if (hasPurpose != hasChannel)
        {
            errors[hasPurpose ? "channel" : "purpose"] = ["Give purpose and channel together (the standing for that purpose on that channel), or neither (the erasure list alone)."];
        }
        else if (hasChannel && !ApiNames.TryParseChannel(request.Channel!.Trim(), out channel))
        {
            errors["channel"] = [ApiNames.ChannelProblem];
        }

        if (errors.Count > 0)
        {
            return new SuppressionCheckOutcome(null, errors);
        }

        var db = await database.GetAsync(cancellationToken);
        var indexes = items.Select(i => i.Kind == SuppressedContact.Email ? index.OfEmail(i.Value) : index.OfPhone(i.Value)).ToList();
        var live = await LiveAsync(db, indexes, cancellationToken);
        var now = time.GetUtcNow();
        var fingerprints = items.Select((item, i) => indexes[i] is { } hash && live.ContainsKey(hash) ? null : Fingerprint(item, now)).ToList();
        var hashes = fingerprints.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var erased = hashes.Count == 0 ? [] : (await db.Suppressions.Where(s => EF.Parameter(hashes).Contains(s.Hash)).Select(s => s.Hash)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        if (!hasPurpose)
        {
            // The erasure list alone: a live customer is not on it, whatever their consents; an unknown address neither.
            return Answer([.. fingerprints.Select(f => f is not null && erased.Contains(f)
                ? new SuppressionCheckResult(true, DecisionReasons.Suppressed)
                : new SuppressionCheckResult(false, null))]);
        }

        var questions = items.Select((_, i) => indexes[i] is { } hash && live.TryGetValue(hash, out var reference)
            ? new ReferencedQuestion(reference)
            : new ReferencedQuestion(null, fingerprints[i] is { } f && erased.Contains(f))).ToList();
        var decided = await decisions.DecideByReferenceAsync(db, purpose!, channel, questions, cancellationToken);
        if (decided is null)
        {
            DecisionRequestRules.UnknownPurpose(string.Empty, purpose!, errors);
            return new SuppressionCheckOutcome(null, errors);
        }

        return Answer([.. decided.Select(d => SuppressionRules.IsSuppressed(d)
            ? new SuppressionCheckResult(true, DecisionReasons.Of(d.Reason))
            : new SuppressionCheckResult(false, null))]);
    }

    private static SuppressionCheckOutcome Answer(IReadOnlyList<SuppressionCheckResult> results) => new(new SuppressionCheckAnswer(results), null);

    private string? Fingerprint(CheckedItem item, DateTimeOffset now) => suppressions.Fingerprints(
        item.Kind == SuppressedContact.Email ? item.Value : null, item.Kind == SuppressedContact.Phone ? item.Value : null, now)
        .Select(f => f.Hash).FirstOrDefault();

    /// <summary>Active customers' references by blind index (email and phone hashes differ by kind, so one map holds both).</summary>
    private static async Task<Dictionary<string, string>> LiveAsync(AppDbContext db, List<string?> indexes, CancellationToken cancellationToken)
    {
        var wanted = indexes.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var live = new Dictionary<string, string>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return live;
        }

        var active = db.Customers.Where(c => c.Status == CustomerStatus.Active);
        var byEmail = await db.CustomerProfiles.Where(p => EF.Parameter(wanted).Contains(p.EmailIndex!))
            .Join(active, p => p.CustomerId, c => c.Id, (p, c) => new { Hash = p.EmailIndex!, c.Reference }).ToListAsync(cancellationToken);
        var byPhone = await db.CustomerProfiles.Where(p => EF.Parameter(wanted).Contains(p.PhoneIndex!))
            .Join(active, p => p.CustomerId, c => c.Id, (p, c) => new { Hash = p.PhoneIndex!, c.Reference }).ToListAsync(cancellationToken);
        foreach (var found in byEmail.Concat(byPhone))
        {
            live.TryAdd(found.Hash, found.Reference);
        }

        return live;
    }
}
