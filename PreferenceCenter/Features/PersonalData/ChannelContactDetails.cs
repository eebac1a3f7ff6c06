using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>Which detail each channel needs: a switch turned on with nowhere to send would promise what cannot happen.</summary>
public static class ChannelContactDetails
{
    /// <summary>The detail <paramref name="channel"/> sends to, or null when the sign-in address is enough (email).</summary>
    public static ContactDetail? Needed(Channel channel) => channel switch
    {
        Channel.Sms or Channel.Phone => ContactDetail.Phone,
        Channel.Post => ContactDetail.PostalAddress,
        Channel.Push => ContactDetail.App,
        _ => null,
    };
}
