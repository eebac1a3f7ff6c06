namespace PreferenceCenter.Features.Erasure;

public enum ErasureRequestOutcome
{
    Saved,
    Unchanged,
    Refused,
}
