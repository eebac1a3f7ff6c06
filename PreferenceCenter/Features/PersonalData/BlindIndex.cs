namespace PreferenceCenter.Features.PersonalData;

/// <summary>The lookup hashes of a customer's email and phone (key <c>PersonalData:BlindIndexKey</c>): exact matches only, never the address.</summary>
public sealed class BlindIndex(PersonalDataKeys keys)
{
    public string? OfEmail(string? email) => KeyedHash.OfEmail(keys.BlindIndex, email);

    public string? OfPhone(string? phone) => KeyedHash.OfPhone(keys.BlindIndex, phone);
}
