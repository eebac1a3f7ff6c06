using PreferenceCenter.Features.Consents;

namespace PreferenceCenter.Features.Retention;

/// <summary>
/// When the data a customer gave for a purpose has been kept long enough: every consent to the purpose has ended
/// (withdrawn, or lapsed at its expiry) and the purpose's days after the last end have passed. A consent that is on,
/// or waits for its double opt-in confirmation, keeps the data: the customer is still (or again) saying yes.
/// </summary>
public static class RetentionRules
{
    /// <summary>When the last of these consents ended; null while one is on or pending, or when there is none.</summary>
    public static DateTimeOffset? EndedAt(IEnumerable<Consent> consents, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(consents);
        DateTimeOffset? last = null;
        foreach (var consent in consents)
        {
            DateTimeOffset? end = consent.State switch
            {
                ConsentState.Withdrawn => consent.ChangedAt,
                ConsentState.Granted when consent.ExpiresAt is { } expires && expires <= now => expires,
                _ => null,
            };
            if (end is null)
            {
                return null;
            }

            last = last is null || end > last ? end : last;
        }

        return last;
    }

    /// <summary>The moment the data may go: <paramref name="endedAt"/> plus the purpose's days.</summary>
    public static DateTimeOffset? DeleteFrom(DateTimeOffset? endedAt, int? days) =>
        endedAt is { } ended && days is int kept ? ended.AddDays(kept) : null;
}
