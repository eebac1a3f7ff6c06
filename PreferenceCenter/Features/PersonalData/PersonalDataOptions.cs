namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// The three secrets behind personal data, each base64 of 32 random bytes: <c>PersonalData:MasterKey</c> wraps every
/// customer's data key, <c>PersonalData:BlindIndexKey</c> keys the lookup hashes of email and phone, and
/// <c>PersonalData:SuppressionKey</c> keys the fingerprints kept after erasure. Separate keys, so a leaked lookup
/// key neither reads data nor links suppressions back to lookups.
/// </summary>
public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";
    public const int KeyLength = 32;

    public string? MasterKey { get; set; }
    public string? BlindIndexKey { get; set; }
    public string? SuppressionKey { get; set; }
}
