using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Insights;

public sealed partial class InsightSection
{
    private List<ChartSeries<double>> series = [];
    private string[] labels = [];

    [Parameter, EditorRequired] public InsightTable Table { get; set; } = default!;
    [Parameter, EditorRequired] public int Minimum { get; set; }
    [Parameter, EditorRequired] public int Weeks { get; set; }

    [Inject] private InsightText Text { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> T { get; set; } = default!;

    private string Slug => InsightCharts.Slug(Table.Chart);
    private string HeadingId => $"insight-{Slug}";
    private string CaptionId => $"insight-{Slug}-caption";
    private string CsvHref => $"admin/insights/{Slug}.csv?weeks={Weeks}";

    // Rates now compare purposes side by side (bars); everything by week is a trend (lines).
    private ChartType ChartType => Table.Chart == InsightChart.OptInNow ? ChartType.Bar : ChartType.Line;

    protected override void OnParametersSet()
    {
        labels = [.. Table.Rows.Select(r => Text.Label(r.Label))];
        // A hidden cell is a gap in the line or a missing bar, never a zero.
        series = [.. Table.Plotted.Select(c => new ChartSeries<double>
        {
            Name = Text.Label(Table.Columns[c]),
            Data = new ChartData<double>([.. Table.Rows.Select(r => r.Values[c].Number)]),
        })];
    }
}
