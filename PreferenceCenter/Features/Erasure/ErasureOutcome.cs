namespace PreferenceCenter.Features.Erasure;

/// <summary>What a call to <see cref="ErasureExecutor.ExecuteAsync"/> found and did.</summary>
public enum ErasureOutcome
{
    /// <summary>This call finished the erasure (all steps, or the ones a previous interrupted call left).</summary>
    Completed = 1,

    /// <summary>An earlier call had already finished it: nothing was done.</summary>
    AlreadyErased = 2,

    /// <summary>No customer has that id.</summary>
    UnknownCustomer = 3,
}
