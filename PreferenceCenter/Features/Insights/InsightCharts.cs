namespace PreferenceCenter.Features.Insights;

/// <summary>How a chart is named in addresses (<c>/admin/insights/withdrawals.csv</c>) and in the texts.</summary>
public static class InsightCharts
{
    public static readonly IReadOnlyList<InsightChart> All = Enum.GetValues<InsightChart>();

    public static string Slug(InsightChart chart) => chart switch
    {
        InsightChart.OptInNow => "opt-in-now",
        InsightChart.OptInByWeek => "opt-in-by-week",
        InsightChart.Withdrawals => "withdrawals",
        InsightChart.DoubleOptIn => "double-opt-in",
        InsightChart.Renewals => "renewals",
        _ => "feedback",
    };

    public static InsightChart? FromSlug(string? slug) =>
        All.Cast<InsightChart?>().FirstOrDefault(c => string.Equals(Slug(c!.Value), slug, StringComparison.Ordinal));
}
