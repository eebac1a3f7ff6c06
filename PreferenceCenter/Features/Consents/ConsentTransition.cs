using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Consents;

/// <summary>
/// The one way a consent row moves to a new state: every writer (switches, confirmation and renewal links) starts a
/// new period here, so the expiry, the notice version and the concurrency token always move together.
/// </summary>
public static class ConsentTransition
{
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
