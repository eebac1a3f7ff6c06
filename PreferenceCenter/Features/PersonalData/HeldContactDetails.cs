using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>The contact details on file, masked (<see cref="PersonalDataMasker"/>); null where none is held.</summary>
public sealed record HeldContactDetails(string? MaskedPhone, string? MaskedPostalAddress)
{
    public static HeldContactDetails None { get; } = new(null, null);

    /// <summary>Whether <paramref name="detail"/> is on file. The app is never held here: it is registered by the app itself.</summary>
    public bool Holds(ContactDetail detail) => detail switch
    {
        ContactDetail.Phone => MaskedPhone is not null,
        ContactDetail.PostalAddress => MaskedPostalAddress is not null,
        _ => false,
    };

    /// <summary>What must be given before <paramref name="channel"/> can be turned on, or null when nothing is missing.</summary>
    public ContactDetail? MissingFor(Channel channel) =>
        ChannelContactDetails.Needed(channel) is { } needed && !Holds(needed) ? needed : null;
}
