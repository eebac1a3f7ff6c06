using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>When we last contacted a customer on a channel for something other than a message we must send: what frequency rules count from.</summary>
public sealed class LastContact
{
    public int Id { get; init; }
    public Guid CustomerId { get; init; }
    public Channel Channel { get; init; }
    public DateTimeOffset LastContactedAt { get; set; }
}
