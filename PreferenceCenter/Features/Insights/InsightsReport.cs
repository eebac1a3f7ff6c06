namespace PreferenceCenter.Features.Insights;

/// <summary>
/// Everything <c>/admin/insights</c> shows for a period. <see cref="Comments"/> is null when the period holds fewer
/// comments than <see cref="Minimum"/>; otherwise the words alone, in alphabetical order (no date, no channel).
/// </summary>
public sealed record InsightsReport(InsightWeeks Weeks, int Minimum, IReadOnlyList<InsightTable> Tables, IReadOnlyList<string>? Comments)
{
    public InsightTable Table(InsightChart chart) => Tables.Single(t => t.Chart == chart);
}
