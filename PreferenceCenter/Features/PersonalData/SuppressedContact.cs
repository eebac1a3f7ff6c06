namespace PreferenceCenter.Features.PersonalData;

/// <summary>Which kind of address a suppression fingerprints. Stored: the numbers never change.</summary>
public enum SuppressedContact
{
    Email = 1,
    Phone = 2,
}
