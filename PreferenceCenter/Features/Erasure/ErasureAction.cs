namespace PreferenceCenter.Features.Erasure;

/// <summary>What someone does to a request; <see cref="ErasureRules.Apply"/> says whether it may.</summary>
public enum ErasureAction
{
    Verify,
    Approve,
    Reject,
    Cancel,
    StartExecution,
    Complete,
}
