using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Insights;

/// <summary>A table with a row per week and a column per category; each week is one group for <see cref="SmallCells"/>.</summary>
public static class WeeklyTable
{
    public static readonly InsightLabel WeekHeading = InsightLabel.Text("Insights.Column.Week");

    public static InsightTable Build(InsightChart chart, InsightWeeks weeks, int[,] counts, IReadOnlyList<InsightLabel> columns, SmallCells cells)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(cells);
        var rows = Enumerable.Range(0, weeks.Count).Select(w =>
        {
            var shown = cells.Group([.. Enumerable.Range(0, columns.Count).Select(c => counts[w, c])]);
            return new InsightRow(new InsightLabel(weeks.Label(w)), [.. shown.Select(InsightValue.Count)]);
        }).ToList();
        return new InsightTable(chart, WeekHeading, columns, rows, [.. Enumerable.Range(0, columns.Count)]);
    }
}
