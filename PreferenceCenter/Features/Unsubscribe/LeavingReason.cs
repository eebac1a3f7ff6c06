namespace PreferenceCenter.Features.Unsubscribe;

/// <summary>"Why are you leaving?": structured only, so the ledger records a key and never someone's words.</summary>
public enum LeavingReason
{
    TooOften = 1,
    NotRelevant = 2,
    NeverSignedUp = 3,
    Other = 4,
}
