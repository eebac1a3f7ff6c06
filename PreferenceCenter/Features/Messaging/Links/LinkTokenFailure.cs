namespace PreferenceCenter.Features.Messaging.Links;

/// <summary>Why a token was refused. Tampered and wrong-purpose links are bad requests (400); expired ones are gone (410).</summary>
public enum LinkTokenFailure
{
    Tampered = 1,
    Expired = 2,
    WrongPurpose = 3,
}
