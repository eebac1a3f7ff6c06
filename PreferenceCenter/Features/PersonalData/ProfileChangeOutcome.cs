namespace PreferenceCenter.Features.PersonalData;

/// <summary>What a profile edit did: saved, nothing to change, or refused with the field at fault (nothing written).</summary>
public enum ProfileChangeOutcome
{
    Saved = 1,
    Unchanged = 2,
    NameTooLong = 3,
    PhoneInvalid = 4,
    UnknownCustomer = 5,

    /// <summary>A phone typed to switch on SMS or calls is not in international format.</summary>
    PhoneNotInternational = 6,

    /// <summary>A postal address is not two to six lines that fit.</summary>
    PostalAddressInvalid = 7,
}
