using Microsoft.Extensions.Localization;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Preferences;

/// <summary>
/// The words for the preference enums, one key per value (a test checks every value has one in every language), and
/// the one way a set of channels is named in a sentence.
/// </summary>
public static class PreferenceLabels
{
    public static string Problem(this IStringLocalizer<SharedResource> text, PreferenceProblem problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[$"PreferenceProblem.{problem}"];
    }

    public static string Frequency(this IStringLocalizer<SharedResource> text, ContactFrequency frequency)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[$"Frequency.{frequency}"];
    }

    public static string PauseLength(this IStringLocalizer<SharedResource> text, PauseLength length)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[$"Pause.Length.{length}"];
    }

    /// <summary>"all channels" when the set covers every channel, otherwise "email, SMS".</summary>
    public static string ChannelList(this IStringLocalizer<SharedResource> text, IReadOnlyCollection<Channel> channels)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(channels);
        return channels.Count == ChannelSetExtensions.AllChannels.Count
            ? text["Pause.AllChannels.InSentence"]
            : string.Join(", ", channels.Select(c => text[$"Channel.{c}.InSentence"].Value));
    }
}
