using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>The customer's limits for one channel. No row means "as it happens, not paused".</summary>
public sealed class ContactRule
{
    public int Id { get; init; }
    public Guid CustomerId { get; init; }
    public Channel Channel { get; init; }
    public ContactFrequency Frequency { get; set; } = ContactFrequency.AsItHappens;

    /// <summary>While in the future, nothing but messages we must send reaches the customer on this channel.</summary>
    public DateTimeOffset? PausedUntil { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public int Version { get; set; }
}
