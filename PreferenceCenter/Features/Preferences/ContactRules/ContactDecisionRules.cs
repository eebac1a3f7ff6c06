using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>
/// The one place that decides whether a customer may be contacted: status, consent and its expiry, the pause and the
/// frequency limit, in that order, so the reason given is the most fundamental one.
/// </summary>
public static class ContactDecisionRules
{
    public static ContactDecision Decide(ContactFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.CustomerStatus is null)
        {
            return ContactDecision.Deny(facts.AddressSuppressed ? ContactDecisionReason.Suppressed : ContactDecisionReason.UnknownCustomer);
        }

        if (facts.CustomerStatus != CustomerStatus.Active)
        {
            return ContactDecision.Deny(ContactDecisionReason.CustomerNotActive);
        }

        if (facts.Purpose is not { } purpose)
        {
            return ContactDecision.Deny(ContactDecisionReason.UnknownPurpose);
        }

        if (!Enum.IsDefined(facts.Channel))
        {
            return ContactDecision.Deny(ContactDecisionReason.UnknownChannel);
        }

        if (!purpose.IsOfferedOn(facts.Channel))
        {
            return ContactDecision.Deny(ContactDecisionReason.NotOfferedOnChannel);
        }

        if (purpose.AsksForConsent && !ConsentRules.IsOn(facts.Consent, now))
        {
            return ContactDecision.Deny(ConsentRules.StateLabel(facts.Consent, now) switch
            {
                ConsentRules.Lapsed => ContactDecisionReason.ConsentExpired,
                ConsentRules.Pending => ContactDecisionReason.PendingConfirmation,
                _ => ContactDecisionReason.NoConsent,
            });
        }

        return IsLimitedByContactRules(purpose) ? CheckContactRules(facts, now) : ContactDecision.Allow;
    }

    /// <summary>
    /// Pauses and frequency limits govern everything we choose to send. Messages we must send — about a contract
    /// the customer has with us, or required by law — still go, and the page says so.
    /// </summary>
    public static bool IsLimitedByContactRules(Purpose purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        return IsLimitedByContactRules(purpose.LegalBasis);
    }

    /// <summary>The same rule for a purpose as the page shows it (its summary carries the basis, not the entity).</summary>
    public static bool IsLimitedByContactRules(LegalBasis basis) => basis is not (LegalBasis.Contract or LegalBasis.LegalObligation);

    /// <summary>The customer asked us not to use this channel until a time still to come.</summary>
    public static bool IsPaused(ContactRule? rule, DateTimeOffset now) => rule?.PausedUntil is { } until && until > now;

    /// <summary>When the frequency allows the next contact after <paramref name="lastContactedAt"/>; null when it never does.</summary>
    public static DateTimeOffset? NextAllowed(ContactFrequency frequency, DateTimeOffset? lastContactedAt) =>
        (frequency, lastContactedAt) switch
        {
            (ContactFrequency.NeverForMarketing, _) => null,
            (_, null) => DateTimeOffset.MinValue,
            (ContactFrequency.WeeklyDigest, { } last) => last.AddDays(7),
            (ContactFrequency.Monthly, { } last) => last.AddMonths(1),
            (_, { } last) => last,
        };

    private static ContactDecision CheckContactRules(ContactFacts facts, DateTimeOffset now)
    {
        if (IsPaused(facts.Rule, now))
        {
            return ContactDecision.Deny(ContactDecisionReason.Paused, facts.Rule!.PausedUntil);
        }

        var frequency = facts.Rule?.Frequency ?? ContactFrequency.AsItHappens;
        if (NextAllowed(frequency, facts.LastContactedAt) is not { } next)
        {
            return ContactDecision.Deny(ContactDecisionReason.NeverForMarketing);
        }

        return next > now ? ContactDecision.Deny(ContactDecisionReason.FrequencyLimit, next) : ContactDecision.Allow;
    }
}
