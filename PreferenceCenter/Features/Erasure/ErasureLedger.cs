using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Erasure;

/// <summary>How the request's steps read in the ledger: fixed words, because entries are hashed and kept for years.</summary>
internal static class ErasureLedger
{
    public static LedgerEventType EventFor(ErasureState reached) => reached switch
    {
        ErasureState.Requested => LedgerEventType.ErasureRequested,
        ErasureState.Verified => LedgerEventType.ErasureVerified,
        ErasureState.Approved => LedgerEventType.ErasureApproved,
        ErasureState.Rejected => LedgerEventType.ErasureRejected,
        ErasureState.Cancelled => LedgerEventType.ErasureCancelled,
        ErasureState.Executing => LedgerEventType.ErasureExecutionStarted,
        ErasureState.Completed => LedgerEventType.ErasureCompleted,
        _ => throw new ArgumentOutOfRangeException(nameof(reached), reached, null),
    };

    public static string Label(ErasureState state) => state switch
    {
        ErasureState.Requested => "requested",
        ErasureState.Verified => "verified",
        ErasureState.Approved => "approved",
        ErasureState.Executing => "executing",
        ErasureState.Completed => "completed",
        ErasureState.Rejected => "rejected",
        ErasureState.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The request's id only: the officer's reason may name people, so it stays on the request row.</summary>
    public static string Detail(int requestId) => FormattableString.Invariant($"request:{requestId}");
}
