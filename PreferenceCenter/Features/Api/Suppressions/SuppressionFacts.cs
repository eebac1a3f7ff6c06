using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Api.Suppressions;

/// <summary>One customer's row of the list query: what <see cref="ContactDecisionRules"/> reads, and when each fact began.</summary>
public sealed class SuppressionFacts
{
    public Guid CustomerId { get; init; }
    public required string Reference { get; init; }
    public CustomerStatus Status { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public ConsentState? ConsentState { get; init; }
    public DateTimeOffset? ConsentExpiresAt { get; init; }
    public DateTimeOffset? ConsentChangedAt { get; init; }
    public ContactFrequency? Frequency { get; init; }
    public DateTimeOffset? PausedUntil { get; init; }
    public DateTimeOffset? RuleChangedAt { get; init; }
    public DateTimeOffset? ErasedAt { get; init; }

    /// <summary>The sealed email (<c>pd1:…</c>), read only for a client allowed addresses.</summary>
    public string? SealedEmail { get; init; }

    /// <summary>
    /// The facts as the decision reads them. No last contact: a frequency limit paces sends and moves with every one,
    /// so it is not a suppression (<see cref="SuppressionRules.IsSuppressed"/>); "never for marketing" still is.
    /// </summary>
    public ContactFacts ToContactFacts(Channel channel, Purpose purpose) => new(
        channel, Status, purpose,
        ConsentState is { } state ? new Consent { State = state, ExpiresAt = ConsentExpiresAt } : null,
        Frequency is { } frequency ? new ContactRule { Frequency = frequency, PausedUntil = PausedUntil } : null,
        LastContactedAt: null);
}
