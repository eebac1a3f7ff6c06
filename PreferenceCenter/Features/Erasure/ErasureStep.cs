namespace PreferenceCenter.Features.Erasure;

/// <summary>
/// The steps of an erasure, in the order they run. Stored as the last one completed, so the numbers never change.
/// </summary>
public enum ErasureStep
{
    NotStarted = 0,
    SuppressionWritten = 1,
    PersonalRowsDeleted = 2,
    SignInDeleted = 3,
    KeyDestroyed = 4,
    CustomerErased = 5,
    StorageForgotten = 6,
}
