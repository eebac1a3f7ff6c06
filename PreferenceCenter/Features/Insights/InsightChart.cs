namespace PreferenceCenter.Features.Insights;

/// <summary>The charts on <c>/admin/insights</c>; each has a table with the same numbers and a CSV of that table.</summary>
public enum InsightChart
{
    OptInNow,
    OptInByWeek,
    Withdrawals,
    DoubleOptIn,
    Renewals,
    Feedback,
}
