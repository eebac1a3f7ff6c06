using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Insights;

/// <summary>
/// A chart's numbers, already through <see cref="SmallCells"/>: what the chart draws, the table shows and the CSV
/// holds, so the three can never disagree. <see cref="Plotted"/> are the columns the chart draws, one series each,
/// over the rows.
/// </summary>
public sealed record InsightTable(
    InsightChart Chart, InsightLabel RowHeading, IReadOnlyList<InsightLabel> Columns, IReadOnlyList<InsightRow> Rows, IReadOnlyList<int> Plotted);
