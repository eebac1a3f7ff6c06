namespace PreferenceCenter.Features.Support;

/// <summary>The personal data an agent may reveal; its lower-case name is what the ledger records.</summary>
public enum PersonalDataKind
{
    Email = 1,
    Phone = 2,
}
