namespace PreferenceCenter.Features.Erasure;

/// <summary>Where an erasure request stands. Stored as these numbers: they never change.</summary>
public enum ErasureState
{
    /// <summary>Asked for on the page, or filed by support for the customer; waits for the customer to click the link we emailed.</summary>
    Requested = 1,

    /// <summary>Confirmed by the email link; waits for the privacy officer.</summary>
    Verified = 2,

    /// <summary>Approved; the next run of the erasure job (or "run now") carries it out.</summary>
    Approved = 3,

    /// <summary>The job has begun erasing; the customer can no longer cancel, and a restarted job finishes it.</summary>
    Executing = 4,
    Completed = 5,
    Rejected = 6,
    Cancelled = 7,
}
