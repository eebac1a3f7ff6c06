using Microsoft.Extensions.Localization;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Consents;

public static class ConsentLabels
{
    /// <summary>"Marketing by email": the one name a consent has, on its switch, in messages and in history.</summary>
    public static string ConsentLabel(this IStringLocalizer<SharedResource> text, string purposeTitle, Channel channel)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text["Consent.Label", purposeTitle, text[$"Channel.{channel}.InSentence"]];
    }
}
