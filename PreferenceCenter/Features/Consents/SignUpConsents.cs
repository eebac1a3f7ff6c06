using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Consents;

/// <summary>
/// Consent asked where data is collected: the sign-up form offers each consent-based purpose by email (the one detail
/// a sign-up holds; other channels ask for theirs on /preferences), nothing ticked, and records what was ticked as
/// captured at sign-up (<see cref="ChangeSource.Registration"/>) under the notice version the form showed.
/// </summary>
public sealed class SignUpConsents(ConsentService consents)
{
    public static IReadOnlyList<PurposeSummary> Offered(CurrentNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return [.. notice.Purposes.Where(p => p.AsksForConsent && p.OfferedChannels.Contains(Channel.Email))];
    }

    /// <summary>Records each ticked purpose the notice offers; keys it does not offer change nothing. Returns how many were recorded.</summary>
    public async Task<int> RecordAsync(Guid customerId, CurrentNotice notice, IEnumerable<string> ticked, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticked);
        var offered = Offered(notice).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var recorded = 0;
        foreach (var key in ticked.Where(offered.Contains).Distinct(StringComparer.Ordinal))
        {
            var result = await consents.SetAsync(
                new ConsentChange(customerId, key, Channel.Email, true, 0, Actor.Customer(customerId), ChangeSource.Registration), cancellationToken);
            recorded += result.Outcome == ConsentChangeOutcome.Saved ? 1 : 0;
        }

        return recorded;
    }
}
