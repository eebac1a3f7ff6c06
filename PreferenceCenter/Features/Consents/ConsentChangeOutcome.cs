namespace PreferenceCenter.Features.Consents;

public enum ConsentChangeOutcome
{
    Saved = 1,
    Unchanged,
    Rejected,
    Conflict,
}
