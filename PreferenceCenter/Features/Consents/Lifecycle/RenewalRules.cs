
namespace PreferenceCenter.Features.Consents.Lifecycle;

/// <summary>When a consent is due for its reminder, and when a renewal link may still renew it.</summary>
public static class RenewalRules
{
    /// <summary>On, expiring, and within the reminder lead of its end: the window in which we remind and renew.</summary>
    public static bool IsDue(Consent? consent, DateTimeOffset now, TimeSpan lead) =>
        ConsentRules.IsOn(consent, now) && consent!.ExpiresAt is { } end && end - now <= lead;

    /// <summary>How long a renewal link sent now lives: until the period it renews ends (a lapsed consent is given anew).</summary>
    public static TimeSpan LinkLifetime(DateTimeOffset periodEndsAt, DateTimeOffset now) => periodEndsAt - now;
}
