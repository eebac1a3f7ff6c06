using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Consents;

/// <summary>
/// The one way a consent row moves to a new state: every writer (switches, confirmation and renewal links) starts a
/// new period here, so the expiry, the notice version and the concurrency token always move together.
/// </summary>
public static class ConsentTransition
{
    /// <summary>What <see cref="Apply"/> writes, and so all a prepared update of a consent row has to set.</summary>
    public static readonly IReadOnlyList<string> ChangedProperties =
    [
        nameof(Consent.State), nameof(Consent.ChangedAt), nameof(Consent.ExpiresAt), nameof(Consent.ExpiryRecordedAt),
        nameof(Consent.NoticeVersion), nameof(Consent.Source), nameof(Consent.Version),
    ];

    public static void Apply(Consent consent, ConsentState state, Purpose purpose, int notice, ChangeSource source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(consent);
        ArgumentNullException.ThrowIfNull(purpose);
        consent.State = state;
        consent.ChangedAt = now;
        consent.ExpiresAt = state == ConsentState.Granted ? ConsentRules.ExpiryFor(purpose, now) : null;
        consent.ExpiryRecordedAt = null;
        consent.NoticeVersion = notice;
        consent.Source = source;
        consent.Version++;
    }
}
