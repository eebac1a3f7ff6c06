namespace PreferenceCenter.Features.Privacy.Admin;

/// <summary>How long the officer may keep a purpose's data after its consent ends: the same bounds the catalog import enforces.</summary>
public static class PurposeRetentionRules
{
    public const int MinDays = 0;
    public const int MaxDays = Purpose.RetentionMaxDays;

    /// <summary>Null means "keep until the customer erases it"; otherwise whole days within the bounds.</summary>
    public static bool IsValid(int? days) => days is null or (>= MinDays and <= MaxDays);
}
