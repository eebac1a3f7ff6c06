using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>One channel's limits as the customer sees them; <see cref="PausedUntil"/> only while the pause lasts.</summary>
public sealed record ContactRuleView(Channel Channel, ContactFrequency Frequency, DateTimeOffset? PausedUntil)
{
    public static ContactRuleView Default(Channel channel) => new(channel, ContactFrequency.AsItHappens, null);
}
