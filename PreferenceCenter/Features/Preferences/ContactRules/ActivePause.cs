using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>Channels paused until the same moment: the banner shows one line per pause, not one per channel.</summary>
public sealed record ActivePause(IReadOnlyList<Channel> Channels, DateTimeOffset Until)
{
    public bool CoversEveryChannel => Channels.Count == ChannelSetExtensions.AllChannels.Count;

    /// <summary>The pauses in force, soonest end first; a pause set on several channels at once stays one line.</summary>
    public static IReadOnlyList<ActivePause> From(IEnumerable<ContactRuleView> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return [.. rules
            .Where(r => r.PausedUntil is not null)
            .GroupBy(r => r.PausedUntil!.Value)
            .OrderBy(g => g.Key)
            .Select(g => new ActivePause([.. g.Select(r => r.Channel).Order()], g.Key))];
    }
}
