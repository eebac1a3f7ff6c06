
namespace PreferenceCenter.Features.Privacy.Admin;

/// <summary>How long the officer may let a consent last: the same bounds the catalog import enforces.</summary>
public static class PurposeValidityRules
{
    public const int MinMonths = Purpose.ValidityMinMonths;
    public const int MaxMonths = Purpose.ValidityMaxMonths;

    /// <summary>Null means "does not expire"; otherwise whole months within the bounds.</summary>
    public static bool IsValid(int? months) => months is null or (>= MinMonths and <= MaxMonths);
}
