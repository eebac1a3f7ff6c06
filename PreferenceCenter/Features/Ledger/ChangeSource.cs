namespace PreferenceCenter.Features.Ledger;

/// <summary>Through which door a change came in. Stored and hashed: the numbers never change.</summary>
public enum ChangeSource
{
    Web = 1,
    Support = 2,
    EmailLink = 3,
    Api = 4,
    System = 5,

    /// <summary>The erasure of a customer, step by step.</summary>
    Erasure = 8,
}
