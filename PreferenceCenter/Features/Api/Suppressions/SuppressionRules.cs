using PreferenceCenter.Features.Preferences.ContactRules;

namespace PreferenceCenter.Features.Api.Suppressions;

/// <summary>
/// What the suppression list adds to <see cref="ContactDecisionRules"/>, which alone decides "may we contact them":
/// which refusals count as suppression, and since when.
/// </summary>
public static class SuppressionRules
{
    /// <summary>
    /// Every refusal but the frequency limit: that one paces sends (it lifts by itself and comes back with each send,
    /// answered per send by <c>/decisions/reservations</c>); a list synced every few minutes would only chase it.
    /// </summary>
    public static bool IsSuppressed(ContactDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return !decision.Allowed && decision.Reason != ContactDecisionReason.FrequencyLimit;
    }

    /// <summary>When the fact that decides took effect; null when no single time says it (a purpose not offered on the channel).</summary>
    public static DateTimeOffset? Since(ContactDecision decision, SuppressionFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(facts);
        return decision.Reason switch
        {
            ContactDecisionReason.CustomerNotActive => facts.ErasedAt,
            ContactDecisionReason.NoConsent => facts.ConsentChangedAt ?? facts.CreatedAt,
            ContactDecisionReason.ConsentExpired => facts.ConsentExpiresAt,
            ContactDecisionReason.PendingConfirmation => facts.ConsentChangedAt,
            ContactDecisionReason.Paused or ContactDecisionReason.NeverForMarketing => facts.RuleChangedAt,
            ContactDecisionReason.NotOfferedOnChannel => null,
            // Not suppressed: since the latest fact that let them be contacted (a pause that ended counts from its end).
            _ => Latest(facts.CreatedAt, facts.ConsentChangedAt, facts.RuleChangedAt, facts.PausedUntil <= now ? facts.PausedUntil : null),
        };
    }

    private static DateTimeOffset Latest(DateTimeOffset first, params ReadOnlySpan<DateTimeOffset?> others)
    {
        var latest = first;
        foreach (var other in others)
        {
            if (other > latest)
            {
                latest = other.Value;
            }
        }

        return latest;
    }
}
