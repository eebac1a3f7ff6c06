using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Erasure;

/// <summary>The ledger event each erasure step records.</summary>
public static class ErasureEvents
{
    public static LedgerEventType For(ErasureStep step) => step switch
    {
        ErasureStep.SuppressionWritten => LedgerEventType.ErasureSuppressionWritten,
        ErasureStep.PersonalRowsDeleted => LedgerEventType.ErasurePersonalDataDeleted,
        ErasureStep.SignInDeleted => LedgerEventType.ErasureSignInDeleted,
        ErasureStep.KeyDestroyed => LedgerEventType.ErasureKeyDestroyed,
        ErasureStep.CustomerErased => LedgerEventType.CustomerErased,
        ErasureStep.StorageForgotten => LedgerEventType.ErasureStorageForgotten,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Not a step that records an entry."),
    };
}
