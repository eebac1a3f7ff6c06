using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Insights;

/// <summary>One cell: a count of customers, a percentage, or hidden by <see cref="SmallCells"/> (<see cref="Number"/> null).</summary>
public readonly record struct InsightValue(double? Number, bool Percent)
{
    public bool Hidden => Number is null;

    public static InsightValue Count(int? count) => new(count, Percent: false);

    public static InsightValue Share(double? percent) => new(percent, Percent: true);
}
