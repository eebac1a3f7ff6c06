using System.ComponentModel.DataAnnotations;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Insights;

/// <summary>How small a count the officer's charts may show (section <c>Insights</c>).</summary>
public sealed class InsightsOptions
{
    public const string Section = "Insights";

    /// <summary>
    /// Counts below this are shown as "fewer than N" (<see cref="SmallCells"/>), and free-text comments are listed
    /// only when the period holds at least this many. Below 5 a count starts to point at a person.
    /// </summary>
    [Range(5, 1_000)]
    public int MinimumCellSize { get; set; } = 10;
}
